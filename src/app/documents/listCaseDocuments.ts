import type { Principal } from '../../domain/staff.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** The case's published documents, newest first, with whether each has reached the library yet. */
export async function listCaseDocuments(deps: AppDeps, person: Principal, caseId: string): Promise<CaseDocument[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'documents.read');
    await w.audit({ action: 'document.list.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return w.tx.documents.list(c.id);
  });
}
