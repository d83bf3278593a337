import type { Kysely, Migration } from 'kysely';

/**
 * The summaries drafted from an approved formulation (for a court, for adult services): one row per
 * case and kind, holding the wording being worked on and the newest approved wording, which is what
 * the library holds.
 */
export const caseSummaries = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_summaries')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sections_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('formulation_number', 'integer', (c) => c.notNull())
      .addColumn('approved_json', 'text')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_summaries_pk', ['case_id', 'kind'])
      .execute();
  },
});
