import type { CaseDocumentView, DocumentState } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import type { OutboxJob } from '../../ports/outbox.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { blockedOf } from '../oversight/listUndelivered.js';
import { inTransaction } from '../unitOfWork.js';
import { DOCUMENT_PUBLISH_KIND } from './publishDocumentJob.js';

/** Where a document waiting for the library is, from its delivery job: tried yet, refused by the tenant, given up. */
function stateOf(d: CaseDocument, job: OutboxJob | undefined, now: string): DocumentState {
  if (d.status !== 'queued') return d.status;
  if (job?.status === 'blocked') return 'blocked';
  if (job?.status === 'dead') return 'failed';
  return job && (job.attempts > 0 || (job.leasedUntil ?? '') > now) ? 'delivering' : 'queued';
}

/**
 * The case's published documents, newest first, each saying where it is: queued, delivering,
 * blocked (why, and who must act), failed (why), delivered or superseded by a newer version.
 */
export async function listCaseDocuments(deps: AppDeps, person: Principal, caseId: string): Promise<CaseDocumentView[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'documents.read');
    await w.audit({ action: 'document.list.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    const documents = await w.tx.documents.list(c.id);
    const waiting = documents.some((d) => d.status === 'queued') ? await w.tx.outbox.list({ caseId: c.id, kind: DOCUMENT_PUBLISH_KIND }, 1000) : [];
    const jobOf = new Map(waiting.map((j) => [j.dedupeKey, j]));
    const names = new Map([[c.serviceId, (await w.tx.services.get(c.serviceId))?.name ?? c.serviceId]]);
    return documents.map((d) => {
      const job = jobOf.get(`${DOCUMENT_PUBLISH_KIND}:${d.id}`);
      const status = stateOf(d, job, w.now);
      return {
        ...d,
        status,
        blocked: status === 'blocked' && job ? blockedOf(job, names) : null,
        failure: status === 'failed' ? (job?.lastError ?? null) : null,
      };
    });
  });
}
