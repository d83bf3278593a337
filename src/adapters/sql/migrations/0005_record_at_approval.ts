import type { Kysely, Migration } from 'kysely';

/**
 * The case record as it stood when each formulation version was approved (entries, placements,
 * team, meetings, the service's labels), as JSON: an approved version's documents are made from it
 * on any later day, so they say what the psychologist signed.
 */
export const recordAtApproval = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('records_at_approval')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('formulation_number', 'integer', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .addColumn('record_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('records_at_approval_pk', ['case_id', 'formulation_number'])
      .execute();
  },
});
