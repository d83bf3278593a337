import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { isIsoDate } from '../../domain/dates.js';
import { documentFileNameSchema, MAX_DOCUMENT_BYTES } from '../../domain/document.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import { DOCUMENT_TYPES } from '../../ports/documentLibrary.js';
import type { JobKind } from '../../ports/outbox.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { caseWithRetention } from '../retention/restampDocumentsJob.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';

/**
 * document.publish: files one case document in its service's library. The bytes are committed with
 * the job (see ports/caseDocuments.ts), queued by whoever made the document (prepareDocumentsJob.ts),
 * then delivered here outside any transaction, with retries.
 */
export const DOCUMENT_PUBLISH_KIND = 'document.publish';

/** A document.publish job's payload, checked again when the job runs. */
export const documentPublishSchema = z.object({ documentId: z.uuid() });
export type DocumentPublish = z.infer<typeof documentPublishSchema>;

const isoDate = z.string().refine(isIsoDate, 'is a date such as 2027-03-01');

/**
 * A document to file for a case. The case reference, the folder and the service come from the
 * case itself; the file name must not carry the child's name (use the reference, e.g.
 * "BRI-2026-0042 formulation v2.docx").
 */
export const documentForLibrarySchema = z
  .object({
    fileName: documentFileNameSchema,
    content: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength > 0, 'is empty')
      .refine((b) => b.byteLength <= MAX_DOCUMENT_BYTES, 'is larger than 100 MiB'),
    documentType: z.enum(DOCUMENT_TYPES),
    /** The document's own version, e.g. "v2" for the second formulation. */
    version: z.string().trim().min(1).max(20),
    reviewDate: isoDate.nullable().default(null),
    retainUntil: isoDate.nullable().default(null),
  })
  .strict();

export type DocumentForLibrary = z.input<typeof documentForLibrarySchema>;

export interface QueuedDocument {
  documentId: string;
  caseReference: string;
  fileName: string;
  size: number;
  status: 'queued';
}

/**
 * Queues a document for the case's library inside the caller's own transaction: the bytes and the
 * delivery job commit with the caller's change, or neither does. For use cases that make a document
 * as part of a change (approving a formulation makes its report). The caller has already checked
 * access; this writes the audit event and tells watchers.
 */
export async function queueDocumentPublication(
  work: Work,
  caseRecord: Case,
  document: DocumentForLibrary,
  options: { key?: string } = {},
): Promise<QueuedDocument> {
  const d = parseInput(documentForLibrarySchema, document, 'The document');
  // A key names this publication: queueing it again (a retried job) finds the first and adds nothing.
  const id = options.key ? idFromKey(options.key) : work.newId();
  if (options.key) {
    const earlier = await work.tx.documents.get(id);
    if (earlier) return { documentId: id, caseReference: caseRecord.reference, fileName: earlier.fileName, size: earlier.size, status: 'queued' };
  }
  const record: CaseDocument = {
    id,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    fileName: d.fileName,
    metadata: { caseReference: caseRecord.reference, documentType: d.documentType, version: d.version, reviewDate: d.reviewDate, retainUntil: d.retainUntil },
    size: d.content.byteLength,
    sha256: createHash('sha256').update(d.content).digest('hex'),
    status: 'queued',
    libraryItemId: null,
    libraryVersion: null,
    webUrl: null,
    publishedBy: work.actor.staffId,
    createdAt: work.now,
    deliveredAt: null,
  };
  await work.tx.documents.insert(record, d.content);
  const payload: DocumentPublish = { documentId: id };
  await work.enqueue({
    kind: DOCUMENT_PUBLISH_KIND,
    payload,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    dedupeKey: `${DOCUMENT_PUBLISH_KIND}:${id}`,
  });
  await work.audit({
    action: 'document.queued',
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    detail: { reference: caseRecord.reference, documentId: id, fileName: d.fileName, documentType: d.documentType, version: d.version, size: record.size },
  });
  const { content: _bytes, ...shown } = d;
  await work.emit({ caseId: caseRecord.id, type: 'document.queued', data: { documentId: id, ...shown, size: record.size } });
  return { documentId: id, caseReference: caseRecord.reference, fileName: d.fileName, size: record.size, status: 'queued' };
}

/** A UUID made from a key (RFC 9562 version 8, from SHA-256), so the same key always names the same document. */
export function idFromKey(key: string): string {
  const h = createHash('sha256').update(`case-document:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Files one queued document in its service's library, outside any transaction, then records where
 * it went. The document id travels as the library's upload id, so a delivery retried after a crash
 * or a lost answer finds its own write and adds no second file and no extra version. Throttling
 * and outages surface as errors with Retry-After, which the outbox worker honours.
 */
export const publishDocumentJob: JobKind<DocumentPublish, AppDeps> = {
  kind: DOCUMENT_PUBLISH_KIND,
  payload: documentPublishSchema,
  malformed: 'the job does not say which document to file',
  async deliver(deps, { documentId }, job) {
    const loaded = await deps.store.transaction(async (tx) => {
      const doc = await tx.documents.get(documentId);
      if (!doc || doc.status !== 'queued') return { doc, content: null, superseded: false, keepUntil: null };
      // An older publication retried after a newer one landed must not become the newest version.
      const superseded = await tx.documents.newerDelivered(doc.caseId, doc.fileName, doc.createdAt);
      const keepUntil = (await caseWithRetention(tx, doc.caseId))?.retainUntil ?? null;
      return { doc, content: superseded ? null : await tx.documents.content(documentId), superseded, keepUntil };
    });
    const { doc } = loaded;
    if (!doc) return { ok: false, permanent: true, error: 'the document no longer exists' };
    if (doc.status !== 'queued') return { ok: true };
    const shown = { documentId: doc.id, reference: doc.metadata.caseReference };
    if (loaded.superseded) {
      await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
        await w.tx.documents.markSuperseded(doc.id, w.now);
        await w.audit({ action: 'document.superseded', caseId: doc.caseId, serviceId: doc.serviceId, detail: shown });
      });
      return { ok: true };
    }
    if (!loaded.content) return { ok: false, permanent: true, error: 'the document has no content to deliver' };

    // A case that closed while its document waited is now kept until a known date: the file says so.
    const metadata = loaded.keepUntil ? { ...doc.metadata, retainUntil: loaded.keepUntil } : doc.metadata;
    const item = await deps.library.putDocument(doc.serviceId, doc.metadata.caseReference, doc.fileName, loaded.content, metadata, {
      uploadId: doc.id,
      // Taken up for the first time, the job cannot have written anything yet: no need to look first.
      firstTry: job.claims === 1,
    });

    await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
      await w.tx.documents.markDelivered(doc.id, { libraryItemId: item.id, libraryVersion: item.versionLabel, webUrl: item.webUrl }, w.now);
      await w.audit({ action: 'document.delivered', caseId: doc.caseId, serviceId: doc.serviceId, detail: { ...shown, libraryVersion: item.versionLabel } });
      // The library now shows this version: earlier ones of the same file say so, as docs/m365.md promises.
      for (const older of await w.tx.documents.supersedeOthers(doc.caseId, doc.fileName, doc.id)) {
        await w.audit({
          action: 'document.superseded',
          caseId: doc.caseId,
          serviceId: doc.serviceId,
          detail: { documentId: older, reference: shown.reference },
        });
      }
      await w.emit({
        caseId: doc.caseId,
        type: 'document.delivered',
        data: { documentId: doc.id, fileName: doc.fileName, libraryVersion: item.versionLabel, webUrl: item.webUrl },
      });
    });
    return { ok: true };
  },
};
