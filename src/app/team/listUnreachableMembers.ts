import type { UnreachableMember } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { NOTIFY_KIND } from '../notifications/notifyJob.js';
import { inTransaction } from '../unitOfWork.js';

export async function listUnreachableMembers(deps: AppDeps, person: Principal, caseId: string): Promise<UnreachableMember[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'team.read');
    const team = await w.tx.team.list(c.id);
    const unreachable = await w.tx.conversations.listUnreachable(team.map((m) => m.staffId));
    const dead = await w.tx.outbox.list({ status: 'dead', kind: NOTIFY_KIND, caseId: c.id }, 500);
    await w.audit({ action: 'team.reach.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    const members = new Map(team.map((m) => [m.staffId, m]));
    return unreachable.flatMap((u) => {
      const m = members.get(u.staffId);
      if (!m || !u.unreachable) return [];
      return [
        {
          staffId: m.staffId,
          name: m.name,
          caseRole: m.caseRole,
          reason: u.unreachable.reason,
          since: u.unreachable.since,
          undelivered: dead.filter((j) => j.recipient === m.staffId).length,
        },
      ];
    });
  });
}
