import { decideOnService, SERVICE_ACTIONS, type ServiceAction } from '../../domain/policy.js';
import type { Principal } from '../../domain/staff.js';
import { ROLE_LABELS } from '../../contract/words.js';
import type { Service } from '../../domain/service.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';

export interface Me {
  staffId: string;
  name: string;
  role: Principal['role'];
  roleLabel: string;
  agency: Principal['agency'];
  services: Service[];
  /** Per service, what this person may do on it as a whole (refer, read the dashboard…). */
  serviceActions: Record<string, ServiceAction[]>;
  /** The server's time and date (Europe/London): the tab dates its forms by these, not by the
   * device's own clock, so that what it offers is what the server will accept. */
  now: string;
  today: string;
}

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
