import type { Kysely, Migration } from 'kysely';

/**
 * A meeting's Teams chat and when Teams said it started and ended: the bot hears a meeting's start
 * and end in its chat, and finds the meeting by the chat's id.
 */
export const meetingChat = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // SQLite adds one column per statement.
    await db.schema.alterTable('meetings').addColumn('chat_id', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('started_at', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('ended_at', 'text').execute();
    await db.schema.createIndex('meetings_by_chat').on('meetings').column('chat_id').execute();
  },
});
