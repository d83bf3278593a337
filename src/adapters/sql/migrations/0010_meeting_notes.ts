import type { Kysely, Migration } from 'kysely';

/** Short factual notes per meeting (decisions, agreed actions), read in the order they were written. */
export const meetingNotes = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('meeting_notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('written_by', 'text', (c) => c.notNull())
      .addColumn('written_by_name', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meeting_notes_by_meeting').on('meeting_notes').columns(['meeting_id', 'written_at']).execute();
  },
});
