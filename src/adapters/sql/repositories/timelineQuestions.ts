import type { Kysely } from 'kysely';
import type { LifeStage } from '../../../domain/lifeStage.js';
import type { Agency } from '../../../domain/staff.js';
import type { QuestionStatus, TimelineQuestion } from '../../../domain/timelineQuestion.js';
import type { TimelineQuestionRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { updateIfVersion } from './versionedUpdate.js';
import { compiledOnce } from '../compiledOnce.js';

type Row = Database['timeline_questions'];

const toRow = (q: TimelineQuestion): Row => ({
  id: q.id,
  case_id: q.caseId,
  life_stage: q.lifeStage,
  agency: q.agency,
  wording: q.wording,
  status: q.status,
  asked_by: q.askedBy,
  asked_by_name: q.askedByName,
  asked_at: q.askedAt,
  entries_when_asked: q.entriesWhenAsked,
  answered_by: q.answeredBy,
  answered_by_name: q.answeredByName,
  answered_at: q.answeredAt,
  answered_with_entry_id: q.answeredWithEntryId,
  answer_note: q.answerNote,
  version: q.version,
});

const fromRow = (r: Row): TimelineQuestion => ({
  id: r.id,
  caseId: r.case_id,
  lifeStage: r.life_stage as LifeStage,
  agency: r.agency as Agency,
  wording: r.wording,
  status: r.status as QuestionStatus,
  askedBy: r.asked_by,
  askedByName: r.asked_by_name,
  askedAt: r.asked_at,
  entriesWhenAsked: Number(r.entries_when_asked),
  answeredBy: r.answered_by,
  answeredByName: r.answered_by_name,
  answeredAt: r.answered_at,
  answeredWithEntryId: r.answered_with_entry_id,
  answerNote: r.answer_note,
  version: Number(r.version),
});

/** The question open on a cell of the jigsaw, asked for when an entry is added there: compiled once (../compiledOnce.ts). */
const openOnCell = compiledOnce((db, p: { caseId: string; lifeStage: string; agency: string }) =>
  db
    .selectFrom('timeline_questions')
    .selectAll()
    .where('case_id', '=', p.caseId)
    .where('life_stage', '=', p.lifeStage)
    .where('agency', '=', p.agency)
    .where('status', '=', 'open')
    .orderBy('asked_at')
    .limit(1),
);

export function timelineQuestionRepository(db: Kysely<Database>): TimelineQuestionRepository {
  return {
    async insert(q) {
      await db.insertInto('timeline_questions').values(toRow(q)).execute();
    },
    async get(caseId, id) {
      const row = await db.selectFrom('timeline_questions').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    update(q, expectedVersion) {
      return updateIfVersion(db, 'timeline_questions', toRow(q), expectedVersion);
    },
    async list(caseId) {
      const rows = await db.selectFrom('timeline_questions').selectAll().where('case_id', '=', caseId).orderBy('asked_at').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async openFor(caseId, lifeStage, agency) {
      const [row] = (await openOnCell(db, { caseId, lifeStage, agency })).rows;
      return row ? fromRow(row) : null;
    },
  };
}
