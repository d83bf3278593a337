import type { Kysely, Migration } from 'kysely';

/**
 * The key the ECM team's evaluation export makes pseudonyms with, when ECM_PSEUDONYM_KEY does not
 * give one: made once and kept here, so every instance on the database, and every export, gives a
 * child the same pseudonym. One row; the key never leaves the database.
 */
export const evaluationPseudonymKey = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('evaluation_keys')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
});
