import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { retainUntil } from '../../domain/retention.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import type { JobKind } from '../../ports/outbox.js';
import type { StoreTx } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';

/**
 * documents.restamp: writes a case's retain-until date on the files already in its library. A
 * case's documents are published while it is open, when nobody knows yet how long they will be
 * kept: the date is known only once the case closes (or the service changes its periods). Files
 * still waiting in the outbox pick the date up when they are delivered (publishDocumentJob.ts).
 *
 * The library's column is for the people who look after the library; deleting a case past its
 * retention is decided from the database (listCasesPastRetention), never from the column.
 */
export const RETAIN_UNTIL_RESTAMP_KIND = 'documents.restamp';

/** A documents.restamp job's payload, checked again when the job runs. */
export const retainUntilRestampSchema = z.object({ caseId: z.uuid() });
export type RetainUntilRestamp = z.infer<typeof retainUntilRestampSchema>;

export async function queueRetainUntilRestamp(work: Pick<Work, 'enqueue'>, caseRecord: Case, until: string): Promise<void> {
  const payload: RetainUntilRestamp = { caseId: caseRecord.id };
  await work.enqueue({
    kind: RETAIN_UNTIL_RESTAMP_KIND,
    payload,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    // Per date: a later change of the service's periods restamps again.
    dedupeKey: `${RETAIN_UNTIL_RESTAMP_KIND}:${caseRecord.id}:${until}`,
  });
}

/** A case with the last day it is kept as things stand now (null while it is open); null when the case is gone. */
export async function caseWithRetention(tx: StoreTx, caseId: string): Promise<{ case: Case; retainUntil: string | null } | null> {
  const c = await tx.cases.get(caseId);
  const service = c ? await tx.services.get(c.serviceId) : null;
  return c && service ? { case: c, retainUntil: retainUntil(c, service.settings.retention) } : null;
}

/** The newest delivered publication of each file of the case (the list comes newest first). */
function newestDelivered(documents: CaseDocument[]): CaseDocument[] {
  const seen = new Map<string, CaseDocument>();
  for (const d of documents) if (d.status === 'delivered' && !seen.has(d.fileName)) seen.set(d.fileName, d);
  return [...seen.values()];
}

export const restampDocumentsJob: JobKind<RetainUntilRestamp, AppDeps> = {
  kind: RETAIN_UNTIL_RESTAMP_KIND,
  payload: retainUntilRestampSchema,
  malformed: 'the job names no case',
  async deliver(deps, { caseId }) {
    const found = await deps.store.transaction(async (tx) => {
      const kept = await caseWithRetention(tx, caseId);
      return kept && { ...kept, files: newestDelivered(await tx.documents.list(caseId)) };
    });
    // Deleted since: its folder went with it.
    if (!found) return { ok: true };
    const { case: c, retainUntil: until, files } = found;
    let stamped = 0;
    const missing: string[] = [];
    for (const f of files) {
      if (await deps.library.setMetadata(c.serviceId, c.reference, f.fileName, { ...f.metadata, retainUntil: until })) stamped += 1;
      else missing.push(f.fileName);
    }
    await inTransaction(deps, SYSTEM_ACTOR, (w) =>
      w.audit({
        action: 'documents.retention.stamped',
        caseId: c.id,
        serviceId: c.serviceId,
        detail: { reference: c.reference, retainUntil: until, files: stamped, missing: missing.length },
      }),
    );
    // A file someone moved or deleted in the library cannot carry the date: never drop that silently.
    // The job gives up with the names (references only), is logged and listed as undelivered, and a
    // retry from the dashboard stamps it once the file is back.
    if (missing.length) return { ok: false, permanent: true, error: `not in the library (moved or deleted there): ${missing.join(', ')}` };
    return { ok: true };
  },
};
