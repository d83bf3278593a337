import type { Kysely, Migration } from 'kysely';

/**
 * Changes asked for under an Idempotency-Key (a tab form, a bot card), with the answer first given:
 * a repeat of the same request gets that answer again and changes nothing.
 */
export const idempotentRequests = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('idempotent_requests')
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('request_key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      // Who holds the key now: a claim left by a crashed request can be taken over.
      .addColumn('claim_id', 'text', (c) => c.notNull())
      .addColumn('claimed_at', 'text', (c) => c.notNull())
      // Null while the first request is still being worked on.
      .addColumn('answer_json', 'text')
      .addPrimaryKeyConstraint('idempotent_requests_pk', ['staff_id', 'request_key'])
      .execute();
    await db.schema.createIndex('idempotent_requests_by_age').on('idempotent_requests').column('claimed_at').execute();
  },
});
