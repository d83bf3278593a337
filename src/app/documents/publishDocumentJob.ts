import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { isIsoDate } from '../../domain/dates.js';
import { documentFileNameSchema, MAX_DOCUMENT_BYTES } from '../../domain/document.js';
import type { Principal } from '../../domain/staff.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import { DOCUMENT_TYPES } from '../../ports/documentLibrary.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction, type Work } from '../unitOfWork.js';

/** The outbox kind that files a case document in its service's library. */
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
export const documentToPublishSchema = z
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

export type DocumentToPublish = z.input<typeof documentToPublishSchema>;

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
export async function queueDocumentPublication(w: Work, c: Case, document: DocumentToPublish, options: { key?: string } = {}): Promise<QueuedDocument> {
  const d = parseInput(documentToPublishSchema, document, 'The document');
  // A key names this publication: queueing it again (a retried job) finds the first and adds nothing.
  const id = options.key ? idFromKey(options.key) : w.newId();
  if (options.key) {
    const earlier = await w.tx.documents.get(id);
    if (earlier) return { documentId: id, caseReference: c.reference, fileName: earlier.fileName, size: earlier.size, status: 'queued' };
  }
  const record: CaseDocument = {
    id,
    caseId: c.id,
    serviceId: c.serviceId,
    fileName: d.fileName,
    metadata: { caseReference: c.reference, documentType: d.documentType, version: d.version, reviewDate: d.reviewDate, retainUntil: d.retainUntil },
    size: d.content.byteLength,
    sha256: createHash('sha256').update(d.content).digest('hex'),
    status: 'queued',
    libraryItemId: null,
    libraryVersion: null,
    webUrl: null,
    publishedBy: w.actor.staffId,
    createdAt: w.now,
    deliveredAt: null,
  };
  await w.tx.documents.insert(record, d.content);
  const payload: DocumentPublish = { documentId: id };
  await w.enqueue({ kind: DOCUMENT_PUBLISH_KIND, payload, caseId: c.id, serviceId: c.serviceId, dedupeKey: `${DOCUMENT_PUBLISH_KIND}:${id}` });
  await w.audit({
    action: 'document.queued',
    caseId: c.id,
    serviceId: c.serviceId,
    detail: { reference: c.reference, documentId: id, fileName: d.fileName, documentType: d.documentType, version: d.version, size: record.size },
  });
  const { content: _bytes, ...shown } = d;
  await w.emit({ caseId: c.id, type: 'document.queued', data: { documentId: id, ...shown, size: record.size } });
  return { documentId: id, caseReference: c.reference, fileName: d.fileName, size: record.size, status: 'queued' };
}

/** A UUID made from a key (RFC 9562 version 8, from SHA-256), so the same key always names the same document. */
function idFromKey(key: string): string {
  const h = createHash('sha256').update(`case-document:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Publishes a document (bytes + metadata) to the case's folder in its service's library, as the
 * person `p`. Returns as soon as the document and its delivery are committed; the outbox files it
 * in SharePoint (or the local library) with retries, and `listCaseDocuments` shows when it lands.
 */
export async function publishCaseDocument(deps: AppDeps, p: Principal, caseId: string, document: DocumentToPublish): Promise<QueuedDocument> {
  return inTransaction(deps, p, async (w) => {
    const { case: c } = await caseFor(w.tx, p, caseId, 'documents.publish');
    return queueDocumentPublication(w, c, document);
  });
}
