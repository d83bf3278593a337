import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { retainUntil } from '../../domain/retention.js';
import type { Deliverer } from '../../jobs/outboxWorker.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import type { DocumentLibrary } from '../../ports/documentLibrary.js';
import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { Work } from '../unitOfWork.js';

/**
 * The outbox kind that writes a case's retain-until date on the files already in its library. A
 * case's documents are published while it is open, when nobody knows yet how long they will be
 * kept: the date is known only once the case closes (or the service changes its periods). Files
 * still waiting in the outbox pick the date up when they are delivered (deliverDocument.ts).
 *
 * The library's column is for the people who look after the library; deleting a case past its
 * retention is decided from the database (listCasesPastRetention), never from the column.
 */
export const RETAIN_UNTIL_RESTAMP_KIND = 'documents.restamp';

/** A documents.restamp job's payload, checked again when the job runs. */
export const retainUntilRestampSchema = z.object({ caseId: z.uuid() });
export type RetainUntilRestamp = z.infer<typeof retainUntilRestampSchema>;

export async function queueRetainUntilRestamp(w: Pick<Work, 'enqueue'>, c: Case, until: string): Promise<void> {
  const payload: RetainUntilRestamp = { caseId: c.id };
  await w.enqueue({
    kind: RETAIN_UNTIL_RESTAMP_KIND,
    payload,
    caseId: c.id,
    serviceId: c.serviceId,
    // Per date: a later change of the service's periods restamps again.
    dedupeKey: `${RETAIN_UNTIL_RESTAMP_KIND}:${c.id}:${until}`,
  });
}

/** The newest delivered publication of each file of the case (the list comes newest first). */
function newestDelivered(documents: CaseDocument[]): CaseDocument[] {
  const seen = new Map<string, CaseDocument>();
  for (const d of documents) if (d.status === 'delivered' && !seen.has(d.fileName)) seen.set(d.fileName, d);
  return [...seen.values()];
}

export function retainUntilRestamper(deps: { store: Store; library: DocumentLibrary; clock: Clock }): Deliverer {
  return async (job) => {
    const parsed = retainUntilRestampSchema.safeParse(job.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: 'the job names no case' };
    const { caseId } = parsed.data;
    const found = await deps.store.transaction(async (tx) => {
      const c = await tx.cases.get(caseId);
      const service = c ? await tx.services.get(c.serviceId) : null;
      if (!c || !service) return null;
      return { c, until: retainUntil(c, service.settings.retention), files: newestDelivered(await tx.documents.list(c.id)) };
    });
    // Deleted since: its folder went with it.
    if (!found) return { ok: true };
    const { c, until, files } = found;
    let stamped = 0;
    for (const f of files) {
      if (await deps.library.setMetadata(c.serviceId, c.reference, f.fileName, { ...f.metadata, retainUntil: until })) stamped += 1;
    }
    await deps.store.transaction((tx) =>
      tx.audit.append(
        {
          actorId: 'system',
          action: 'documents.retention.stamped',
          caseId: c.id,
          serviceId: c.serviceId,
          detail: { reference: c.reference, retainUntil: until, files: stamped },
        },
        deps.clock.now().toISOString(),
      ),
    );
    return { ok: true };
  };
}
