import type { Kysely, Migration } from 'kysely';

/** One transition plan per case: the adult services joining and the relationships kept, as JSON lists. */
export const transitionPlans = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('transition_plans')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('joining_json', 'text', (c) => c.notNull())
      .addColumn('relationships_json', 'text', (c) => c.notNull())
      .addColumn('written_by', 'text', (c) => c.notNull())
      .addColumn('written_by_name', 'text', (c) => c.notNull())
      .addColumn('written_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
  },
});
