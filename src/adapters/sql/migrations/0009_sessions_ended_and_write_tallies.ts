import type { Kysely, Migration } from 'kysely';

/**
 * Sessions ended before their time (sign-out), kept until they would have expired, so a copied
 * token signs nobody in; and each person's count of changes in the current minute, so the write
 * limit holds however many instances share the database.
 */
export const sessionsEndedAndWriteTallies = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ended_sessions')
      // The hash of the session's token (a dev session's key, or a Microsoft 365 token's): never the token.
      .addColumn('session_id', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ended_sessions_by_expiry').on('ended_sessions').column('expires_at').execute();
    await db.schema
      .createTable('write_tallies')
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('writes', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('write_tallies_pk', ['person', 'window_start'])
      .execute();
  },
});
