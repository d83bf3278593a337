import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type AuditDetail, type AuditEvent, canonicalAuditParts, chainOf, GENESIS_HASH } from '../../../domain/audit.js';
import { auditHash } from '../../../lib/auditHash.js';
import type { AuditRepository } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { json } from './page.js';
import { compiledOnce } from '../compiledOnce.js';

/**
 * The next link's hash, computed by the database from the head's number and link: SHA-256 in hex of
 * the canonical text (domain/audit.ts, canonicalAuditParts), exactly as auditHash computes it.
 */
const postgresLink = (before: string, after: string) =>
  sql`encode(sha256(convert_to(cast(${before} as text) || cast(audit_heads.seq + 1 as text) || cast(${after} as text) || audit_heads.hash || '"]', 'UTF8')), 'hex')`;
/** SQLite has no SHA-256 of its own: the store gives it ecm_sha256 (sqlite/auditHashFunction.ts). */
const sqliteLink = (before: string, after: string) => sql`ecm_sha256(${before} || (audit_heads.seq + 1) || ${after} || audit_heads.hash || '"]')`;

type Link = { seq: number | string; prev_hash: string; hash: string };

/** Starts the chain's head at its first link, or moves it on by one, the database finishing the link from the head it holds. */
const advanceHead = (chain: string, first: string, nextLink: RawBuilder<unknown>) =>
  sql<Link>`insert into audit_heads (chain, seq, hash, prev_hash) values (${chain}, 1, ${first}, ${GENESIS_HASH})
        on conflict (chain) do update set seq = audit_heads.seq + 1, prev_hash = audit_heads.hash, hash = ${nextLink}
        returning seq, prev_hash, hash`;

// On SQLite every change appends through these two, compiled once (../compiledOnce.ts).
const advanceSqliteHead = compiledOnce((_db, p: { chain: string; first: string; before: string; after: string }) =>
  advanceHead(p.chain, p.first, sqliteLink(p.before, p.after)),
);
const insertSqliteEvent = compiledOnce((db, row: Database['audit_events']) => db.insertInto('audit_events').values(row));

export function auditRepository(db: Kysely<Database>, dialect: SqlDialect): AuditRepository {
  return {
    async append(input, at) {
      const chain = chainOf(input.serviceId);
      const { before, after } = canonicalAuditParts({ ...input, chain, at });
      // The first link of a chain is known in full here; every later one the database finishes
      // from the head it holds, in the statement that advances the head (and takes its row lock
      // on PostgreSQL until commit, so links never fork).
      const first = auditHash({ ...input, chain, at, seq: 1, prevHash: GENESIS_HASH });
      const row = [chain, at, input.actorId, input.action, input.caseId, input.serviceId, JSON.stringify(input.detail)] as const;
      let link: Link;
      if (dialect === 'postgres') {
        // One round trip: the head advances and the row is written in one statement.
        const advance = advanceHead(chain, first, postgresLink(before, after));
        const r = await sql<typeof link>`with head as (${advance})
          insert into audit_events (chain, seq, at, actor_id, action, case_id, service_id, detail_json, prev_hash, hash)
          select ${chain}, head.seq, ${sql.join(row.slice(1).map((v) => sql`${v}`))}, head.prev_hash, head.hash from head
          returning seq, prev_hash, hash`.execute(db);
        link = r.rows[0]!;
      } else {
        // In process, one writer at a time: two statements, each prepared once, no round trip.
        link = (await advanceSqliteHead(db, { chain, first, before, after })).rows[0]!;
        await insertSqliteEvent(db, {
          chain,
          seq: Number(link.seq),
          at,
          actor_id: input.actorId,
          action: input.action,
          case_id: input.caseId,
          service_id: input.serviceId,
          detail_json: row[6],
          prev_hash: link.prev_hash,
          hash: link.hash,
        });
      }
      const event: AuditEvent = { ...input, chain, seq: Number(link.seq), at, prevHash: link.prev_hash, hash: link.hash };
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
