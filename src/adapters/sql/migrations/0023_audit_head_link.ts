import type { Kysely, Migration } from 'kysely';

/**
 * The audit head keeps the link before its own as well, so that the one statement that advances
 * the head (number, previous link, new link) can return all three: the row written beside it needs
 * the previous link, and a statement's RETURNING sees only the new values.
 */
export const auditHeadLink = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('audit_heads')
      .addColumn('prev_hash', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
});
