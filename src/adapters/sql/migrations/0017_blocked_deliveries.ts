import type { Kysely, Migration } from 'kysely';

/**
 * Deliveries the tenant's set-up refuses (a site grant missing, a rotated secret) wait as `blocked`
 * instead of dying: what refuses them, and since when, so the slow retries stop after 14 days.
 */
export const blockedDeliveries = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('outbox_jobs').addColumn('blocked_cause', 'text').execute();
    await db.schema.alterTable('outbox_jobs').addColumn('blocked_since', 'text').execute();
  },
});
