import type { PlanActionList } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { canOnEntry, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { actionView } from './actionView.js';

/** The case's plan in its sequence, with what the reader may change. */
export async function listPlanActions(deps: AppDeps, person: Principal, caseId: string): Promise<PlanActionList> {
  const today = todayIn(deps.clock);
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'actions.read');
    const actions = await w.tx.actions.list(c.id);
    await w.audit({ action: 'actions.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, count: actions.length } });
    return {
      items: actions.map((a) => actionView(a, person, c, membership, today)),
      mayAssign: canOnEntry(person, 'action.assign', c, membership, false),
    };
  });
}
