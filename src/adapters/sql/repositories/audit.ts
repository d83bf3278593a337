import { type Kysely, sql } from 'kysely';
import { type AuditDetail, type AuditEvent, chainOf, GENESIS_HASH } from '../../../domain/audit.js';
import { auditHash } from '../../../lib/auditHash.js';
import type { AuditRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { json } from './page.js';

export function auditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(input, at) {
      const chain = chainOf(input.serviceId);
      await db
        .insertInto('audit_heads')
        .values({ chain, seq: 0, hash: GENESIS_HASH })
        .onConflict((oc) => oc.column('chain').doNothing())
        .execute();
      // Advancing the head first takes its row lock (PostgreSQL) until commit, so links never fork.
      const head = await db
        .updateTable('audit_heads')
        .set({ seq: sql<number>`seq + 1` })
        .where('chain', '=', chain)
        .returning(['seq', 'hash'])
        .executeTakeFirstOrThrow();
      const unhashed = { ...input, chain, seq: Number(head.seq), at, prevHash: head.hash };
      const event: AuditEvent = { ...unhashed, hash: auditHash(unhashed) };
      await db.updateTable('audit_heads').set({ hash: event.hash }).where('chain', '=', chain).execute();
      await db
        .insertInto('audit_events')
        .values({
          chain,
          seq: event.seq,
          at,
          actor_id: event.actorId,
          action: event.action,
          case_id: event.caseId,
          service_id: event.serviceId,
          detail_json: JSON.stringify(event.detail),
          prev_hash: event.prevHash,
          hash: event.hash,
        })
        .execute();
      return event;
    },
    async chains() {
      return (await db.selectFrom('audit_heads').select('chain').orderBy('chain').execute()).map((r) => r.chain);
    },
    async read(chain, afterSeq, limit) {
      const rows = await db.selectFrom('audit_events').selectAll().where('chain', '=', chain).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map(toEvent);
    },
    async listForCase(caseId, limit) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('at')
        .orderBy('chain')
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toEvent);
    },
    async head(chain) {
      const r = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
      return r ? { seq: Number(r.seq), hash: r.hash } : null;
    },
  };
}

const toEvent = (r: Database['audit_events']): AuditEvent => ({
  chain: r.chain,
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  action: r.action,
  caseId: r.case_id,
  serviceId: r.service_id,
  detail: json<AuditDetail>(r.detail_json),
  prevHash: r.prev_hash,
  hash: r.hash,
});
