import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type AuditDetail, type AuditEvent, type AuditEventInput, canonicalAuditParts, chainOf, GENESIS_HASH } from '../../../domain/audit.js';
import { auditHash } from '../../../lib/auditHash.js';
import type { AuditRepository } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { caseEventRepository } from './caseEvents.js';
import { json } from './page.js';
import { compiledOnce } from '../compiledOnce.js';

type Link = { seq: number | string; prev_hash: string; hash: string };

/**
 * The next link's hash, computed by the database from the head's number and link: SHA-256 in hex of
 * the canonical text (domain/audit.ts, canonicalAuditParts), exactly as auditHash computes it.
 */
const postgresLink = (before: string, after: string) =>
  sql`encode(sha256(convert_to(cast(${before} as text) || cast(audit_heads.seq + 1 as text) || cast(${after} as text) || audit_heads.hash || '"]', 'UTF8')), 'hex')`;
/** SQLite has no SHA-256 of its own: the store gives it ecm_sha256 (sqlite/auditHashFunction.ts). */
const sqliteLink = (before: string, after: string) => sql`ecm_sha256(${before} || (audit_heads.seq + 1) || ${after} || audit_heads.hash || '"]')`;

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
  /** The statement that advances the chain's head, and the values of the row written beside it. */
  const link = (input: AuditEventInput, at: string) => {
    const chain = chainOf(input.serviceId);
    const { before, after } = canonicalAuditParts({ ...input, chain, at });
    // The first link of a chain is known in full here; every later one the database finishes
    // from the head it holds, in the statement that advances the head (and takes its row lock
    // on PostgreSQL until commit, so links never fork).
    const first = auditHash({ ...input, chain, at, seq: 1, prevHash: GENESIS_HASH });
    const advance = advanceHead(chain, first, dialect === 'postgres' ? postgresLink(before, after) : sqliteLink(before, after));
    const row = [chain, at, input.actorId, input.action, input.caseId, input.serviceId, JSON.stringify(input.detail)] as const;
    /** PostgreSQL: the row, written from `head`, the head as advanced (a data-modifying WITH must be at the top level). */
    const fromHead = sql`insert into audit_events (chain, seq, at, actor_id, action, case_id, service_id, detail_json, prev_hash, hash)
          select ${chain}, head.seq, ${sql.join(row.slice(1).map((v) => sql`${v}`))}, head.prev_hash, head.hash from head
          returning seq, prev_hash, hash`;
    const event = (l: Link): AuditEvent => ({ ...input, chain, seq: Number(l.seq), at, prevHash: l.prev_hash, hash: l.hash });
    return { chain, before, after, first, advance, row, fromHead, event };
  };
  const append = async (input: AuditEventInput, at: string): Promise<AuditEvent> => {
    const { chain, before, after, first, advance, row, fromHead, event } = link(input, at);
    // One round trip on PostgreSQL: the head advances and the row is written in one statement.
    if (dialect === 'postgres') return event((await sql<Link>`with head as (${advance}) ${fromHead}`.execute(db)).rows[0]!);
    // In process, one writer at a time: two statements, each prepared and compiled once, no round trip.
    const l = (await advanceSqliteHead(db, { chain, first, before, after })).rows[0]!;
    await insertSqliteEvent(db, {
      chain,
      seq: Number(l.seq),
      at,
      actor_id: input.actorId,
      action: input.action,
      case_id: input.caseId,
      service_id: input.serviceId,
      detail_json: row[6],
      prev_hash: l.prev_hash,
      hash: l.hash,
    });
    return event(l);
  };
  return {
    append,
    async appendWithCaseEvent(input, at, e) {
      if (dialect !== 'postgres') return { audit: await append(input, at), caseEvent: await caseEventRepository(db).append(e, at) };
      const { advance, fromHead, event } = link(input, at);
      // The case event is written from the audit row's result, so the head's lock is always taken
      // before the case's, as when they are written one after the other: never a deadlock between them.
      const r = await sql<Link & { event_seq: number | string }>`with head as (${advance}), audited as (${fromHead}),
          noted as (insert into case_events (case_id, type, actor_id, actor_name, data_json, at)
            select ${e.caseId}, ${e.type}, ${e.actorId}, ${e.actorName}, ${JSON.stringify(e.data ?? null)}, ${at} from audited
            returning seq)
          select audited.seq, audited.prev_hash, audited.hash, noted.seq as event_seq from audited, noted`.execute(db);
      const l = r.rows[0]!;
      return { audit: event(l), caseEvent: { ...e, seq: Number(l.event_seq), at } };
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
