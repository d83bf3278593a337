import type { Deliverer } from '../../jobs/outboxWorker.js';
import type { CaseEventBus } from '../../ports/caseEventBus.js';
import type { Clock } from '../../ports/clock.js';
import type { DocumentLibrary } from '../../ports/documentLibrary.js';
import type { Store, StoreTx } from '../../ports/store.js';
import { retainUntil } from '../../domain/retention.js';
import { documentPublishSchema } from './publishDocumentJob.js';

/** The case's retain-until date as it stands now: null while it is open. */
async function keptUntil(tx: StoreTx, caseId: string): Promise<string | null> {
  const c = await tx.cases.get(caseId);
  const service = c ? await tx.services.get(c.serviceId) : null;
  return c && service ? retainUntil(c, service.settings.retention) : null;
}

export interface DocumentDeliveryDeps {
  store: Store;
  library: DocumentLibrary;
  clock: Clock;
  bus: CaseEventBus;
}

/**
 * Files one queued document in its service's library, outside any transaction, then records where
 * it went. The document id travels as the library's upload id, so a delivery retried after a crash
 * or a lost answer finds its own write and adds no second file and no extra version. Throttling
 * and outages surface as errors with Retry-After, which the outbox worker honours.
 */
export function documentDeliverer(deps: DocumentDeliveryDeps): Deliverer {
  return async (job) => {
    const parsed = documentPublishSchema.safeParse(job.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: 'the job does not say which document to file' };
    const { documentId } = parsed.data;
    const loaded = await deps.store.transaction(async (tx) => {
      const doc = await tx.documents.get(documentId);
      if (!doc || doc.status !== 'queued') return { doc, content: null, superseded: false, keepUntil: null };
      // An older publication retried after a newer one landed must not become the newest version.
      const superseded = await tx.documents.newerDelivered(doc.caseId, doc.fileName, doc.createdAt);
      return { doc, content: superseded ? null : await tx.documents.content(documentId), superseded, keepUntil: await keptUntil(tx, doc.caseId) };
    });
    const { doc } = loaded;
    if (!doc) return { ok: false, permanent: true, error: 'the document no longer exists' };
    if (doc.status !== 'queued') return { ok: true };
    const at = () => deps.clock.now().toISOString();
    if (loaded.superseded) {
      await deps.store.transaction(async (tx) => {
        await tx.documents.markSuperseded(doc.id, at());
        await tx.audit.append(
          {
            actorId: 'system',
            action: 'document.superseded',
            caseId: doc.caseId,
            serviceId: doc.serviceId,
            detail: { documentId: doc.id, reference: doc.metadata.caseReference },
          },
          at(),
        );
      });
      return { ok: true };
    }
    if (!loaded.content) return { ok: false, permanent: true, error: 'the document has no content to deliver' };

    // A case that closed while its document waited is now kept until a known date: the file says so.
    const metadata = loaded.keepUntil ? { ...doc.metadata, retainUntil: loaded.keepUntil } : doc.metadata;
    const item = await deps.library.putDocument(doc.serviceId, doc.metadata.caseReference, doc.fileName, loaded.content, metadata, { uploadId: doc.id });

    const event = await deps.store.transaction(async (tx) => {
      const now = at();
      await tx.documents.markDelivered(doc.id, { libraryItemId: item.id, libraryVersion: item.versionLabel, webUrl: item.webUrl }, now);
      await tx.audit.append(
        {
          actorId: 'system',
          action: 'document.delivered',
          caseId: doc.caseId,
          serviceId: doc.serviceId,
          detail: { documentId: doc.id, reference: doc.metadata.caseReference, libraryVersion: item.versionLabel },
        },
        now,
      );
      return tx.caseEvents.append(
        {
          caseId: doc.caseId,
          type: 'document.delivered',
          actorId: 'system',
          actorName: 'ECM for Teams',
          data: { documentId: doc.id, fileName: doc.fileName, libraryVersion: item.versionLabel, webUrl: item.webUrl },
        },
        now,
      );
    });
    deps.bus.publish(event);
    return { ok: true };
  };
}
