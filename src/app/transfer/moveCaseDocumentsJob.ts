import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fileNameAfterTransfer } from '../../domain/transfer.js';
import type { CaseDocument } from '../../ports/caseDocuments.js';
import type { CaseTransfer } from '../../ports/caseTransfers.js';
import type { DocumentLibrary, DocumentMetadata, LibraryItem } from '../../ports/documentLibrary.js';
import type { JobKind } from '../../ports/outbox.js';
import type { AppDeps } from '../deps.js';
import { DOCUMENT_PUBLISH_KIND, idFromKey } from '../documents/publishDocumentJob.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';

/**
 * case.transfer.documents: moves a transferred case's library folder to the new service's library.
 * Each step can be cut off and run again from the start with the same result, so the outbox's
 * retries make the move complete whatever stopped it:
 * 1. wait while a delivery of the case's documents is still under way (it may land in either library);
 * 2. copy every file of the old folder into the new one, under the new reference, each write named
 *    by the transfer and the file so that a repeated copy adds no second version;
 * 3. read each copy back and compare its bytes with the original: only confirmed copies count;
 * 4. record the copies as the case's documents (once), then remove the old folder, and only then
 *    mark the move complete. Nothing is removed from the old library that is not confirmed in the new.
 */
export const CASE_TRANSFER_DOCUMENTS_KIND = 'case.transfer.documents';

export const moveDocumentsSchema = z.object({ transferId: z.uuid() }).strict();
export type MoveDocuments = z.infer<typeof moveDocumentsSchema>;

/** How long the move waits for a delivery of the case's documents that is still under way. */
export const WAIT_FOR_DELIVERIES_MS = 5_000;

export async function queueDocumentMove(work: Pick<Work, 'enqueue'>, t: CaseTransfer): Promise<void> {
  const payload: MoveDocuments = { transferId: t.id };
  await work.enqueue({
    kind: CASE_TRANSFER_DOCUMENTS_KIND,
    payload,
    caseId: t.caseId,
    serviceId: t.toServiceId,
    dedupeKey: `${CASE_TRANSFER_DOCUMENTS_KIND}:${t.id}`,
  });
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

interface ConfirmedCopy {
  from: LibraryItem;
  item: LibraryItem;
  content: Uint8Array;
  metadata: DocumentMetadata;
}

/** Where a file of the old folder goes, and under which upload id. */
const copyOf = (t: CaseTransfer, name: string) => ({
  name: fileNameAfterTransfer(name, t.fromReference, t.toReference),
  uploadId: idFromKey(`${t.id}:${name}`),
});

/** Copies every file of the old folder into the new and confirms each by its bytes; throws (to retry) on any that does not match. */
async function copyAndConfirm(library: DocumentLibrary, t: CaseTransfer, records: CaseDocument[]): Promise<ConfirmedCopy[]> {
  const files = (await library.listLibrary(t.fromServiceId)).filter((i) => i.folder === t.fromReference);
  const confirmed: ConfirmedCopy[] = [];
  for (const file of files) {
    const original = await library.getDocument(t.fromServiceId, t.fromReference, file.name);
    if (!original) continue; // removed by a retry of this move that got further: its copy was confirmed first
    const { name, uploadId } = copyOf(t, file.name);
    const recorded = records.find((d) => d.fileName === file.name && d.status === 'delivered')?.metadata;
    const metadata: DocumentMetadata = { ...(original.item.metadata ?? recorded ?? fallbackMetadata(file.name)), caseReference: t.toReference };
    await library.putDocument(t.toServiceId, t.toReference, name, original.content, metadata, { uploadId });
    const copy = await library.getDocument(t.toServiceId, t.toReference, name);
    if (!copy || sha(copy.content) !== sha(original.content)) throw new Error(`the copy of a document of ${t.toReference} does not match its original yet`);
    confirmed.push({ from: original.item, item: copy.item, content: original.content, metadata });
  }
  return confirmed;
}

/** A file someone put in the folder by hand has no columns: it moves all the same, filed as a review record. */
const fallbackMetadata = (name: string): DocumentMetadata => ({
  caseReference: '',
  documentType: name.endsWith('.svg') ? 'timeline_picture' : 'review_record',
  version: '',
  reviewDate: null,
  retainUntil: null,
});

export const moveCaseDocumentsJob: JobKind<MoveDocuments, AppDeps> = {
  kind: CASE_TRANSFER_DOCUMENTS_KIND,
  payload: moveDocumentsSchema,
  malformed: 'the job does not say which transfer to complete',
  async deliver(deps, { transferId }) {
    const loaded = await deps.store.transaction(async (tx) => {
      const t = await tx.transfers.get(transferId);
      if (!t) return null;
      const delivering = await tx.outbox.list({ caseId: t.caseId, kind: DOCUMENT_PUBLISH_KIND, status: 'pending' }, 1);
      return { t, delivering: delivering.length > 0, records: await tx.documents.list(t.caseId) };
    });
    // The case was deleted at the end of its retention, and its folders with it.
    if (!loaded) return { ok: false, permanent: true, error: 'the transfer no longer exists' };
    const { t, records } = loaded;
    if (t.documentsMovedAt) return { ok: true };
    if (loaded.delivering)
      return { ok: false, permanent: false, deferred: true, retryAfterMs: WAIT_FOR_DELIVERIES_MS, error: 'waits for a document still being filed' };

    const copies = await copyAndConfirm(deps.library, t, records);
    if (t.documentsMoved === null) await recordCopies(deps, t, copies);
    // Every file the old folder holds now has a confirmed copy: only now does the old folder go.
    await deps.library.deleteCaseFolder(t.fromServiceId, t.fromReference);
    await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
      await w.tx.transfers.markDocumentsMoved(t.id, w.now);
      await w.audit({
        action: 'case.transfer.documentsRemoved',
        caseId: t.caseId,
        serviceId: t.fromServiceId,
        detail: { transferId: t.id, reference: t.fromReference, movedTo: t.toReference },
      });
      await w.audit({
        action: 'case.transfer.completed',
        caseId: t.caseId,
        serviceId: t.toServiceId,
        detail: { transferId: t.id, reference: t.toReference, formerReference: t.fromReference },
      });
    });
    return { ok: true };
  },
};

/**
 * The confirmed copies become the case's documents in the new library, once: the earlier records
 * stay as they were, under the old reference, as the documents' history.
 */
async function recordCopies(deps: AppDeps, t: CaseTransfer, copies: ConfirmedCopy[]): Promise<void> {
  await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
    for (const c of copies) {
      const id = idFromKey(`${t.id}:${c.from.name}`);
      if (await w.tx.documents.get(id)) continue;
      await w.tx.documents.insert(
        {
          id,
          caseId: t.caseId,
          serviceId: t.toServiceId,
          fileName: c.item.name,
          metadata: c.metadata,
          size: c.content.byteLength,
          sha256: sha(c.content),
          status: 'queued',
          libraryItemId: null,
          libraryVersion: null,
          webUrl: null,
          publishedBy: SYSTEM_ACTOR.staffId,
          createdAt: w.now,
          deliveredAt: null,
        },
        c.content,
      );
      await w.tx.documents.markDelivered(id, { libraryItemId: c.item.id, libraryVersion: c.item.versionLabel, webUrl: c.item.webUrl }, w.now);
    }
    await w.tx.transfers.markDocumentsCopied(t.id, copies.length);
    await w.audit({
      action: 'case.transfer.documentsCopied',
      caseId: t.caseId,
      serviceId: t.toServiceId,
      detail: { transferId: t.id, reference: t.toReference, formerReference: t.fromReference, files: copies.map((c) => c.item.name) },
    });
  });
}
