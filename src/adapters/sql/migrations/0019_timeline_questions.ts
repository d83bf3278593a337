import type { Kysely, Migration } from 'kysely';

/**
 * The jigsaw's questions: a missing piece (a life stage × an agency) put to that agency during a
 * meeting, and its answer (entries, or "nothing held"). One open question per cell is kept by the
 * use case; the index finds a cell's open question when an entry answers it.
 */
export const timelineQuestions = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('timeline_questions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('life_stage', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('wording', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('asked_by', 'text', (c) => c.notNull())
      .addColumn('asked_by_name', 'text', (c) => c.notNull())
      .addColumn('asked_at', 'text', (c) => c.notNull())
      .addColumn('entries_when_asked', 'integer', (c) => c.notNull())
      .addColumn('answered_by', 'text')
      .addColumn('answered_by_name', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('answered_with_entry_id', 'text')
      .addColumn('answer_note', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timeline_questions_by_cell').on('timeline_questions').columns(['case_id', 'life_stage', 'agency', 'status']).execute();
  },
});
