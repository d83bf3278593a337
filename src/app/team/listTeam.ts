import type { Principal } from '../../domain/staff.js';
import { mustAcceptTerms, needsToAcceptTerms, type TeamMember } from '../../domain/team.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** A member of the case team, with whether they accept the information-sharing terms before seeing the case. */
export interface TeamMemberView extends TeamMember {
  needsTerms: boolean;
  /** They have still to accept the terms in force (perhaps having accepted earlier ones). */
  awaitingTerms: boolean;
}

export async function listTeam(deps: AppDeps, p: Principal, caseId: string): Promise<TeamMemberView[]> {
  return inTransaction(deps, p, async (w) => {
    const { case: c } = await caseFor(w.tx, p, caseId, 'team.read');
    await w.audit({ action: 'team.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return (await w.tx.team.list(c.id)).map((m) => ({ ...m, needsTerms: needsToAcceptTerms(m.caseRole), awaitingTerms: mustAcceptTerms(m) }));
  });
}
