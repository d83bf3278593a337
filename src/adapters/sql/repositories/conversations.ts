import type { Kysely } from 'kysely';
import type { UnreachableReason } from '../../../ports/notifier.js';
import type { ConversationRepository, StoredConversation } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { json } from './page.js';

type Row = Database['bot_conversations'];

const toConversation = (r: Row): StoredConversation => ({
  staffId: r.staff_id,
  reference: r.reference_json === null ? null : json<unknown>(r.reference_json),
  updatedAt: r.updated_at,
  unreachable: r.unreachable_reason && r.unreachable_since ? { reason: r.unreachable_reason as UnreachableReason, since: r.unreachable_since } : null,
});

export function conversationRepository(db: Kysely<Database>): ConversationRepository {
  return {
    async remember(staffId, reference, at) {
      const reference_json = JSON.stringify(reference);
      await db
        .insertInto('bot_conversations')
        .values({ staff_id: staffId, reference_json, updated_at: at, unreachable_reason: null, unreachable_since: null })
        .onConflict((oc) => oc.column('staff_id').doUpdateSet({ reference_json, updated_at: at, unreachable_reason: null, unreachable_since: null }))
        .execute();
    },
    async get(staffId) {
      const r = await db.selectFrom('bot_conversations').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
      return r ? toConversation(r) : null;
    },
    async markUnreachable(staffId, reason, at) {
      await db
        .insertInto('bot_conversations')
        .values({ staff_id: staffId, reference_json: null, updated_at: at, unreachable_reason: reason, unreachable_since: at })
        .onConflict((oc) => oc.column('staff_id').doUpdateSet({ updated_at: at, unreachable_reason: reason, unreachable_since: at }))
        .execute();
    },
    async listUnreachable(staffIds) {
      if (staffIds.length === 0) return [];
      const rows = await db
        .selectFrom('bot_conversations')
        .selectAll()
        .where('staff_id', 'in', staffIds)
        .where('unreachable_reason', 'is not', null)
        .orderBy('staff_id')
        .execute();
      return rows.map(toConversation);
    },
  };
}
