import type { Kysely, Migration } from 'kysely';

/**
 * How many times each outbox job has been taken up. A job taken up for the first time cannot have
 * left any write behind, so its delivery need not look for one first (one request fewer per
 * document); a job taken up again (after a crash, or a lease that ran out) looks.
 */
export const outboxClaims = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('outbox_jobs')
      .addColumn('claims', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
});
