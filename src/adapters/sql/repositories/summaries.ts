import type { Kysely } from 'kysely';
import type { Summary, SummaryApproval, SummaryKind, SummarySections } from '../../../domain/summary.js';
import type { SummaryRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { json } from './page.js';

type Row = Database['case_summaries'];

const toRow = (s: Summary): Row => ({
  case_id: s.caseId,
  kind: s.kind,
  sections_json: JSON.stringify(s.sections),
  status: s.status,
  formulation_number: s.formulationNumber,
  approved_json: s.approved ? JSON.stringify(s.approved) : null,
  updated_by: s.updatedBy,
  updated_by_name: s.updatedByName,
  updated_at: s.updatedAt,
  version: s.version,
});

const fromRow = (r: Row): Summary => ({
  caseId: r.case_id,
  kind: r.kind as SummaryKind,
  sections: json<SummarySections>(r.sections_json),
  status: r.status as Summary['status'],
  formulationNumber: Number(r.formulation_number),
  approved: r.approved_json ? json<SummaryApproval>(r.approved_json) : null,
  updatedBy: r.updated_by,
  updatedByName: r.updated_by_name,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

export function summaryRepository(db: Kysely<Database>): SummaryRepository {
  return {
    async get(caseId, kind) {
      const row = await db.selectFrom('case_summaries').selectAll().where('case_id', '=', caseId).where('kind', '=', kind).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async insert(s) {
      await db.insertInto('case_summaries').values(toRow(s)).execute();
    },
    async update(s, expectedVersion) {
      const { case_id, kind, ...rest } = toRow(s);
      const r = await db
        .updateTable('case_summaries')
        .set(rest)
        .where('case_id', '=', case_id)
        .where('kind', '=', kind)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
