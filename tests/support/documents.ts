import type { AppDeps } from '../../src/app/deps.js';
import { type DocumentForLibrary, queueDocumentPublication } from '../../src/app/documents/publishDocumentJob.js';
import { inTransaction } from '../../src/app/unitOfWork.js';
import { notFound } from '../../src/domain/errors.js';
import type { Principal } from '../../src/domain/staff.js';

/**
 * Queues a document for a case's library as a use case that makes one does (approving a formulation
 * makes its report), for tests of what happens after: delivery, retries, throttling, crashes.
 */
export function publishCaseDocument(deps: AppDeps, p: Principal, caseId: string, document: DocumentForLibrary) {
  return inTransaction(deps, p, async (w) => {
    const c = await w.tx.cases.get(caseId);
    if (!c) throw notFound('That case');
    return queueDocumentPublication(w, c, document);
  });
}
