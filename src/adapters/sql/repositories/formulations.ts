import type { Kysely } from 'kysely';
import type { Formulation, FormulationContent, FormulationStatus } from '../../../domain/formulation.js';
import type { RecordAtApproval } from '../../../domain/recordAtApproval.js';
import type { FormulationRepository } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { refreshDashboardFacts } from './dashboardFacts.js';
import { json } from './page.js';

type Row = Database['formulations'];

const toFormulation = (r: Row): Formulation => ({
  id: r.id,
  caseId: r.case_id,
  number: r.number,
  status: r.status as FormulationStatus,
  content: json<FormulationContent>(r.content_json),
  createdBy: r.created_by,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  approvedBy: r.approved_by,
  approvedByName: r.approved_by_name,
  approvedAt: r.approved_at,
  version: r.version,
});

const toRow = (f: Formulation): Row => ({
  id: f.id,
  case_id: f.caseId,
  number: f.number,
  status: f.status,
  content_json: JSON.stringify(f.content),
  created_by: f.createdBy,
  updated_by: f.updatedBy,
  updated_at: f.updatedAt,
  approved_by: f.approvedBy,
  approved_by_name: f.approvedByName,
  approved_at: f.approvedAt,
  version: f.version,
});

export function formulationRepository(db: Kysely<Database>, dialect: SqlDialect): FormulationRepository {
  return {
    async current(caseId) {
      const r = await db.selectFrom('formulations').selectAll().where('case_id', '=', caseId).orderBy('number', 'desc').limit(1).executeTakeFirst();
      return r ? toFormulation(r) : null;
    },
    async get(caseId, number) {
      const r = await db.selectFrom('formulations').selectAll().where('case_id', '=', caseId).where('number', '=', number).executeTakeFirst();
      return r ? toFormulation(r) : null;
    },
    async list(caseId) {
      return (await db.selectFrom('formulations').selectAll().where('case_id', '=', caseId).orderBy('number').execute()).map(toFormulation);
    },
    async insert(f) {
      await db.insertInto('formulations').values(toRow(f)).execute();
      await refreshDashboardFacts(db, dialect, f.caseId);
    },
    async update(f, expectedVersion) {
      const { id, ...changes } = toRow(f);
      const r = await db.updateTable('formulations').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await refreshDashboardFacts(db, dialect, f.caseId);
      return true;
    },
    async addRevision(rev) {
      const caseRow = await db.selectFrom('formulations').select('case_id').where('id', '=', rev.formulationId).executeTakeFirstOrThrow();
      await db
        .insertInto('formulation_revisions')
        .values({
          formulation_id: rev.formulationId,
          case_id: caseRow.case_id,
          version: rev.version,
          number: rev.number,
          status: rev.status,
          content_json: JSON.stringify(rev.content),
          saved_by: rev.savedBy,
          saved_by_name: rev.savedByName,
          saved_at: rev.savedAt,
        })
        .execute();
    },
    async revisions(formulationId) {
      const rows = await db.selectFrom('formulation_revisions').selectAll().where('formulation_id', '=', formulationId).orderBy('version').execute();
      return rows.map((r) => ({
        formulationId: r.formulation_id,
        number: r.number,
        version: r.version,
        status: r.status as FormulationStatus,
        content: json<FormulationContent>(r.content_json),
        savedBy: r.saved_by,
        savedByName: r.saved_by_name,
        savedAt: r.saved_at,
      }));
    },
    async keepRecordAtApproval(r) {
      await db
        .insertInto('records_at_approval')
        .values({ case_id: r.caseId, formulation_number: r.formulationNumber, approved_at: r.approvedAt, record_json: JSON.stringify(r) })
        .execute();
    },
    async recordAtApproval(caseId, number) {
      const r = await db
        .selectFrom('records_at_approval')
        .select('record_json')
        .where('case_id', '=', caseId)
        .where('formulation_number', '=', number)
        .executeTakeFirst();
      return r ? json<RecordAtApproval>(r.record_json) : null;
    },
  };
}
