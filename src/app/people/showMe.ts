import type { Me } from '../../contract/views.js';
import { decideOnService, SERVICE_ACTIONS } from '../../domain/policy.js';
import type { Principal } from '../../domain/staff.js';
import { ROLE_LABELS } from '../../contract/words.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';

/** Who is signed in and what they may do: the tab shapes its navigation from this. */
export async function showMe(deps: AppDeps, p: Principal): Promise<Me> {
  const services = await deps.store.transaction((tx) => tx.services.list());
  const serviceActions = Object.fromEntries(services.map((s) => [s.id, SERVICE_ACTIONS.filter((a) => decideOnService(p, a, s.id).allowed)]));
  return {
    staffId: p.staffId,
    name: p.name,
    role: p.role,
    roleLabel: ROLE_LABELS[p.role],
    agency: p.agency,
    services,
    serviceActions,
    now: deps.clock.now().toISOString(),
    today: todayIn(deps.clock),
  };
}
