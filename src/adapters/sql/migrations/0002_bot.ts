import type { Kysely, Migration } from 'kysely';

/**
 * The bot's chats with people: the conversation reference to reach each person proactively, and
 * whether Teams has told us they cannot be reached (so the tab can say so).
 */
export const bot = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('bot_conversations')
      .addColumn('staff_id', 'text', (c) => c.primaryKey())
      // Null until the person installs the app: then only `unreachable_*` is known.
      .addColumn('reference_json', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('unreachable_reason', 'text')
      .addColumn('unreachable_since', 'text')
      .execute();
  },
});
