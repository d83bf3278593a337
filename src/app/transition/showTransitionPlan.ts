import type { TransitionPlanView } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { transitionPlanView } from './transitionPlanView.js';

/** The case's transition plan (moving on to adult services), read by the case team. */
export async function showTransitionPlan(deps: AppDeps, person: Principal, caseId: string): Promise<TransitionPlanView> {
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'transition.read');
    const plan = await w.tx.transitionPlans.get(c.id);
    await w.audit({ action: 'transition.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, version: plan?.version ?? 0 } });
    return transitionPlanView(c, plan, person, membership, todayIn(deps.clock));
  });
}
