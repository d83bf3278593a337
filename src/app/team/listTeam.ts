import type { TeamMemberView } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import { mustAcceptTerms, needsToAcceptTerms } from '../../domain/team.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

export async function listTeam(deps: AppDeps, person: Principal, caseId: string): Promise<TeamMemberView[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'team.read');
    await w.audit({ action: 'team.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return (await w.tx.team.list(c.id)).map((m) => ({ ...m, needsTerms: needsToAcceptTerms(m.caseRole), awaitingTerms: mustAcceptTerms(m) }));
  });
}
