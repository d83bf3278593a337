import type { Me } from '../../contract/views.js';
import { decideOnService, SERVICE_ACTIONS } from '../../domain/policy.js';
import type { Principal } from '../../domain/staff.js';
import { ROLE_LABELS } from '../../contract/words.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';

/** Who is signed in and what they may do: the tab shapes its navigation from this. */
export async function showMe(deps: AppDeps, person: Principal): Promise<Me> {
  const services = await deps.store.transaction((tx) => tx.services.list());
  const serviceActions = Object.fromEntries(services.map((s) => [s.id, SERVICE_ACTIONS.filter((a) => decideOnService(person, a, s.id).allowed)]));
  return {
    staffId: person.staffId,
    name: person.name,
    role: person.role,
    roleLabel: ROLE_LABELS[person.role],
    agency: person.agency,
    services,
    serviceActions,
    now: deps.clock.now().toISOString(),
    today: todayIn(deps.clock),
  };
}
