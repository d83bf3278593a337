import type { Kysely } from 'kysely';
import type { TrmRepository } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { refreshDashboardFacts } from './dashboardFacts.js';

export function trmRepository(db: Kysely<Database>, dialect: SqlDialect): TrmRepository {
  return {
    async insert(p) {
      await db
        .insertInto('trm_placements')
        .values({
          id: p.id,
          case_id: p.caseId,
          level: p.level,
          rationale: p.rationale,
          effective_date: p.effectiveDate,
          meeting_id: p.meetingId,
          placed_by: p.placedBy,
          placed_by_name: p.placedByName,
          placed_at: p.placedAt,
        })
        .execute();
      await refreshDashboardFacts(db, dialect, p.caseId);
    },
    async list(caseId) {
      const rows = await db.selectFrom('trm_placements').selectAll().where('case_id', '=', caseId).orderBy('effective_date').orderBy('placed_at').execute();
      return rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        level: Number(r.level),
        rationale: r.rationale,
        effectiveDate: r.effective_date,
        meetingId: r.meeting_id,
        placedBy: r.placed_by,
        placedByName: r.placed_by_name,
        placedAt: r.placed_at,
      }));
    },
  };
}
