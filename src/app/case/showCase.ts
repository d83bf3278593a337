import { mustAcceptTerms } from '../../domain/team.js';
import type { Principal } from '../../domain/staff.js';
import { AccessRefused, caseFor } from '../access.js';
import type { CaseView } from '../../contract/views.js';
import { caseView } from './caseViews.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * One case as this person may see it. A partner who has been invited but has not accepted the terms
 * sees the invitation and the terms, with the case reference and nothing else.
 */
export async function showCase(deps: AppDeps, person: Principal, caseId: string): Promise<CaseView> {
  return inTransaction(deps, person, async (w) => {
    let reach;
    try {
      reach = await caseFor(w.tx, person, caseId, 'case.read');
    } catch (error) {
      if (!(error instanceof AccessRefused) || error.code !== 'terms_required') throw error;
      reach = await caseFor(w.tx, person, caseId, 'terms.accept');
    }
    const { case: c, membership } = reach;
    const invitationOnly = membership !== null && mustAcceptTerms(membership);
    await w.audit({ action: invitationOnly ? 'invitation.read' : 'case.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return caseView(deps, w.tx, person, c, membership);
  });
}
