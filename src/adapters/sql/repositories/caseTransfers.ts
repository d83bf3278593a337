import type { Kysely } from 'kysely';
import type { CaseTransfer, CaseTransferRepository } from '../../../ports/caseTransfers.js';
import type { Database } from '../schema.js';

const toTransfer = (r: Database['case_transfers']): CaseTransfer => ({
  id: r.id,
  caseId: r.case_id,
  fromServiceId: r.from_service_id,
  fromReference: r.from_reference,
  toServiceId: r.to_service_id,
  toReference: r.to_reference,
  reason: r.reason,
  transferredBy: r.transferred_by,
  transferredAt: r.transferred_at,
  documentsMovedAt: r.documents_moved_at,
  documentsMoved: r.documents_moved === null ? null : Number(r.documents_moved),
});

export function caseTransferRepository(db: Kysely<Database>): CaseTransferRepository {
  return {
    async insert(t) {
      await db
        .insertInto('case_transfers')
        .values({
          id: t.id,
          case_id: t.caseId,
          from_service_id: t.fromServiceId,
          from_reference: t.fromReference,
          to_service_id: t.toServiceId,
          to_reference: t.toReference,
          reason: t.reason,
          transferred_by: t.transferredBy,
          transferred_at: t.transferredAt,
          documents_moved_at: t.documentsMovedAt,
          documents_moved: t.documentsMoved,
        })
        .execute();
    },
    async get(id) {
      const r = await db.selectFrom('case_transfers').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toTransfer(r) : null;
    },
    async listForCase(caseId) {
      return (await db.selectFrom('case_transfers').selectAll().where('case_id', '=', caseId).orderBy('transferred_at').orderBy('id').execute()).map(
        toTransfer,
      );
    },
    async findByFormerReference(reference) {
      const r = await db.selectFrom('case_transfers').selectAll().where('from_reference', '=', reference).executeTakeFirst();
      return r ? toTransfer(r) : null;
    },
    async markDocumentsCopied(id, count) {
      await db.updateTable('case_transfers').set({ documents_moved: count }).where('id', '=', id).execute();
    },
    async markDocumentsMoved(id, at) {
      await db.updateTable('case_transfers').set({ documents_moved_at: at }).where('id', '=', id).execute();
    },
  };
}
