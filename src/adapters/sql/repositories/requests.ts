import type { Kysely } from 'kysely';
import type { IdempotentRequest, IdempotentRequestRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { json } from './page.js';

type Row = Database['idempotent_requests'];

const toRequest = (r: Row): IdempotentRequest => ({
  staffId: r.staff_id,
  key: r.request_key,
  fingerprint: r.fingerprint,
  claimId: r.claim_id,
  claimedAt: r.claimed_at,
  answer: r.answer_json === null ? null : json<unknown>(r.answer_json),
});

export function idempotentRequestRepository(db: Kysely<Database>): IdempotentRequestRepository {
  const held = (staffId: string, key: string) =>
    db.selectFrom('idempotent_requests').selectAll().where('staff_id', '=', staffId).where('request_key', '=', key);
  return {
    async claim(request) {
      // Two claims at once: the database's key lets one in; the other reads the winner.
      await db
        .insertInto('idempotent_requests')
        .values({
          staff_id: request.staffId,
          request_key: request.key,
          fingerprint: request.fingerprint,
          claim_id: request.claimId,
          claimed_at: request.claimedAt,
          answer_json: null,
        })
        .onConflict((oc) => oc.columns(['staff_id', 'request_key']).doNothing())
        .execute();
      return toRequest(await held(request.staffId, request.key).executeTakeFirstOrThrow());
    },
    async takeOver(staffId, key, staleClaimId, claimId, at) {
      await db
        .updateTable('idempotent_requests')
        .set({ claim_id: claimId, claimed_at: at })
        .where('staff_id', '=', staffId)
        .where('request_key', '=', key)
        .where('claim_id', '=', staleClaimId)
        .where('answer_json', 'is', null)
        .execute();
      const now = await held(staffId, key).executeTakeFirst();
      return now?.claim_id === claimId;
    },
    async keep(staffId, key, claimId, answer) {
      await db
        .updateTable('idempotent_requests')
        .set({ answer_json: JSON.stringify(answer) })
        .where('staff_id', '=', staffId)
        .where('request_key', '=', key)
        .where('claim_id', '=', claimId)
        .execute();
    },
    async release(staffId, key, claimId) {
      await db
        .deleteFrom('idempotent_requests')
        .where('staff_id', '=', staffId)
        .where('request_key', '=', key)
        .where('claim_id', '=', claimId)
        .where('answer_json', 'is', null)
        .execute();
    },
    async forgetBefore(before) {
      await db.deleteFrom('idempotent_requests').where('claimed_at', '<', before).execute();
    },
  };
}
