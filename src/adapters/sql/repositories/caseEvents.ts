import type { Kysely } from 'kysely';
import type { CaseEvent, CaseEventType } from '../../../domain/caseEvents.js';
import type { CaseEventRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { compiledOnce } from '../compiledOnce.js';

/** Every change records one: compiled once (../compiledOnce.ts). */
const insertEvent = compiledOnce((db, p: Omit<Database['case_events'], 'seq'>) => db.insertInto('case_events').values(p).returning('seq'));

export function caseEventRepository(db: Kysely<Database>): CaseEventRepository {
  return {
    async append(e, at) {
      const {
        rows: [r],
      } = await insertEvent(db, {
        case_id: e.caseId,
        type: e.type,
        actor_id: e.actorId,
        actor_name: e.actorName,
        data_json: JSON.stringify(e.data ?? null),
        at,
      });
      return { ...e, seq: Number(r!.seq), at };
    },
    async latestSeq(caseId) {
      const r = await db
        .selectFrom('case_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return Number(r?.seq ?? 0);
    },
    async since(caseId, afterSeq, limit) {
      const rows = await db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r): CaseEvent => ({
        seq: Number(r.seq),
        caseId: r.case_id,
        type: r.type as CaseEventType,
        actorId: r.actor_id,
        actorName: r.actor_name,
        data: JSON.parse(r.data_json) as unknown,
        at: r.at,
      }));
    },
  };
}
