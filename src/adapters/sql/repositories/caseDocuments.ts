import type { Kysely } from 'kysely';
import type { CaseDocument, CaseDocumentRepository, CaseDocumentStatus } from '../../../ports/caseDocuments.js';
import type { DocumentType } from '../../../ports/documentLibrary.js';
import type { Database } from '../schema.js';

type Row = Omit<Database['case_documents'], 'content'>;

const COLUMNS = [
  'id',
  'case_id',
  'service_id',
  'case_reference',
  'file_name',
  'document_type',
  'document_version',
  'review_date',
  'retain_until',
  'size',
  'sha256',
  'status',
  'library_item_id',
  'library_version',
  'web_url',
  'published_by',
  'created_at',
  'delivered_at',
] as const;

const toDocument = (r: Row): CaseDocument => ({
  id: r.id,
  caseId: r.case_id,
  serviceId: r.service_id,
  fileName: r.file_name,
  metadata: {
    caseReference: r.case_reference,
    documentType: r.document_type as DocumentType,
    version: r.document_version,
    reviewDate: r.review_date,
    retainUntil: r.retain_until,
  },
  size: Number(r.size),
  sha256: r.sha256,
  status: r.status as CaseDocumentStatus,
  libraryItemId: r.library_item_id,
  libraryVersion: r.library_version,
  webUrl: r.web_url,
  publishedBy: r.published_by,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

export function caseDocumentRepository(db: Kysely<Database>): CaseDocumentRepository {
  return {
    async insert(d, content) {
      await db
        .insertInto('case_documents')
        .values({
          id: d.id,
          case_id: d.caseId,
          service_id: d.serviceId,
          case_reference: d.metadata.caseReference,
          file_name: d.fileName,
          document_type: d.metadata.documentType,
          document_version: d.metadata.version,
          review_date: d.metadata.reviewDate,
          retain_until: d.metadata.retainUntil,
          content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
          size: d.size,
          sha256: d.sha256,
          status: d.status,
          library_item_id: d.libraryItemId,
          library_version: d.libraryVersion,
          web_url: d.webUrl,
          published_by: d.publishedBy,
          created_at: d.createdAt,
          delivered_at: d.deliveredAt,
        })
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('case_documents').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return r ? toDocument(r) : null;
    },
    async content(id) {
      const r = await db.selectFrom('case_documents').select('content').where('id', '=', id).executeTakeFirst();
      return r?.content ? new Uint8Array(r.content) : null;
    },
    async markDelivered(id, where, at) {
      await db
        .updateTable('case_documents')
        .set({
          status: 'delivered',
          library_item_id: where.libraryItemId,
          library_version: where.libraryVersion,
          web_url: where.webUrl,
          delivered_at: at,
          content: null,
        })
        .where('id', '=', id)
        .execute();
    },
    async markSuperseded(id, at) {
      await db.updateTable('case_documents').set({ status: 'superseded', delivered_at: at, content: null }).where('id', '=', id).execute();
    },
    async supersedeOthers(caseId, fileName, deliveredId) {
      const rows = await db
        .updateTable('case_documents')
        .set({ status: 'superseded' })
        .where('case_id', '=', caseId)
        .where('file_name', '=', fileName)
        .where('id', '!=', deliveredId)
        .where('status', '=', 'delivered')
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },
    async newerDelivered(caseId, fileName, createdAt) {
      const r = await db
        .selectFrom('case_documents')
        .select('id')
        .where('case_id', '=', caseId)
        .where('file_name', '=', fileName)
        .where('created_at', '>', createdAt)
        .where('status', '=', 'delivered')
        .executeTakeFirst();
      return Boolean(r);
    },
    async redirect(id, to) {
      await db
        .updateTable('case_documents')
        .set({ service_id: to.serviceId, case_reference: to.caseReference, file_name: to.fileName })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },
    async list(caseId) {
      return (await db.selectFrom('case_documents').select(COLUMNS).where('case_id', '=', caseId).orderBy('created_at', 'desc').execute()).map(toDocument);
    },
  };
}
