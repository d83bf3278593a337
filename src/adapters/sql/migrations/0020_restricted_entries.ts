import type { Kysely, Migration } from 'kysely';

/**
 * Restricted timeline entries (issue 16 §3): who restricted an entry, when and why, while the
 * restriction stands (all null when the entry is open to the team). Each version in the entry's
 * history keeps the restriction in force at that version, so restricting and lifting show there too.
 */
export const restrictedEntries = (): Migration => ({
  async up(db: Kysely<unknown>) {
    for (const column of ['restricted_at', 'restricted_by', 'restricted_by_name', 'restriction_reason']) {
      await db.schema.alterTable('timeline_entries').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('timeline_revisions').addColumn('restriction_json', 'text').execute();
  },
});
