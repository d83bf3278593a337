import type { Kysely } from 'kysely';
import type { TransitionPlan } from '../../../domain/transitionPlan.js';
import type { TransitionPlanRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { json } from './page.js';

type Row = Database['transition_plans'];

const toRow = (p: TransitionPlan): Row => ({
  case_id: p.caseId,
  joining_json: JSON.stringify(p.joining),
  relationships_json: JSON.stringify(p.relationships),
  written_by: p.writtenBy,
  written_by_name: p.writtenByName,
  written_at: p.writtenAt,
  version: p.version,
});

const fromRow = (r: Row): TransitionPlan => ({
  caseId: r.case_id,
  joining: json<TransitionPlan['joining']>(r.joining_json),
  relationships: json<TransitionPlan['relationships']>(r.relationships_json),
  writtenBy: r.written_by,
  writtenByName: r.written_by_name,
  writtenAt: r.written_at,
  version: Number(r.version),
});

export function transitionPlanRepository(db: Kysely<Database>): TransitionPlanRepository {
  return {
    async get(caseId) {
      const row = await db.selectFrom('transition_plans').selectAll().where('case_id', '=', caseId).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async save(plan, expectedVersion) {
      if (expectedVersion === 0) {
        // The primary key makes a second first plan, written at the same moment, fail rather than overwrite.
        const r = await db
          .insertInto('transition_plans')
          .values(toRow(plan))
          .onConflict((oc) => oc.column('case_id').doNothing())
          .executeTakeFirst();
        return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
      }
      const { case_id, ...rest } = toRow(plan);
      const r = await db.updateTable('transition_plans').set(rest).where('case_id', '=', case_id).where('version', '=', expectedVersion).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
