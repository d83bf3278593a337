import { createHash, randomUUID } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import express from 'express';
import pg from 'pg';
import { openPostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { aCase, service } from '../../ports/contract/records.js';
import type { MinimalAnswer, MinimalQuestion } from './servers.js';

/**
 * The references for `npm run bench`: the least a server can do and still answer the same requests
 * durably. express 5 over the product's own tables (its migrations, one service and one case),
 * nothing else — no sign-in, no validation beyond reading the body, no policy, no event stream:
 *
 * - POST /cases/:caseId/timeline: one transaction of three prepared INSERTs (the entry, an audit
 *   row chained by hash to the one before, a case event), committed before the 201 —
 *   better-sqlite3 with synchronous=FULL in WAL mode (MINIMAL_STORE=sqlite; one flush per request),
 *   or `pg` with named statements over a pool of 10 (MINIMAL_STORE=postgres).
 * - GET /cases/:caseId/timeline: the default page (200 live entries in life order), as JSON.
 *
 * Statements and transactions are counted where they are issued, and told over IPC.
 */
const kind = process.env.MINIMAL_STORE === 'postgres' ? 'postgres' : 'sqlite';
const CASE_ID = 'case-minimal';
const PAGE = 200;
let statements = 0;
let transactions = 0;

// The product's tables, made by its own migrations, with one service and one case to write to.
const seed =
  kind === 'postgres'
    ? await openPostgresStore({ url: process.env.DATABASE_URL!, schema: process.env.DATABASE_SCHEMA })
    : await openSqliteStore({ dataDir: process.env.DATA_DIR! });
await seed.transaction(async (tx) => {
  await tx.services.upsert(service('BRI'));
  await tx.cases.insert(aCase(CASE_ID));
});
await seed.close();

interface Body {
  when: unknown;
  category: string;
  sourceAgency: string;
  confidence: string;
  description: string;
}

interface Written {
  entry: unknown[];
  audit: unknown[];
  event: unknown[];
}

/** The three rows of one request; the audit row is chained to the previous one. */
let auditSeq = 0;
let auditHash = '0'.repeat(64);
function rows(caseId: string, body: Body): { id: string; written: Written } {
  const id = randomUUID();
  const at = new Date().toISOString();
  const detail = JSON.stringify({ entryId: id });
  const prev = auditHash;
  auditSeq += 1;
  auditHash = createHash('sha256').update(`${prev}|${auditSeq}|${at}|timeline.added|${caseId}|${detail}`).digest('hex');
  return {
    id,
    written: {
      entry: [
        id,
        caseId,
        JSON.stringify(body.when),
        '2010',
        '2010',
        'childhood',
        body.category,
        body.sourceAgency,
        body.confidence,
        body.description,
        'yjs-amy',
        'Amy',
        at,
        at,
        1,
      ],
      audit: ['BRI', auditSeq, at, 'yjs-amy', 'timeline.added', caseId, 'BRI', detail, prev, auditHash],
      event: [caseId, 'timeline.added', 'yjs-amy', 'Amy', JSON.stringify({ id }), at],
    },
  };
}

const INSERT_ENTRY = `insert into timeline_entries (id, case_id, when_json, span_start, span_end, life_stage, category, source_agency, confidence, description, contributor_id, contributor_name, created_at, updated_at, version)`;
const INSERT_AUDIT = `insert into audit_events (chain, seq, at, actor_id, action, case_id, service_id, detail_json, prev_hash, hash)`;
const INSERT_EVENT = `insert into case_events (case_id, type, actor_id, actor_name, data_json, at)`;
const SELECT_PAGE = `select * from timeline_entries where case_id = $1 and retraction_json is null order by span_start, span_end, created_at, id limit ${PAGE + 1}`;
const placeholders = (n: number, pgStyle: boolean) => Array.from({ length: n }, (_, i) => (pgStyle ? `$${i + 1}` : '?')).join(', ');

interface Backend {
  add(caseId: string, body: Body): Promise<string>;
  page(caseId: string): Promise<Record<string, unknown>[]>;
}

function sqliteBackend(): Backend {
  const db = new SqliteDatabase(`${process.env.DATA_DIR}/ecm.db`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const last = db.prepare<[], { seq: number; hash: string }>(`select seq, hash from audit_events where chain = 'BRI' order by seq desc limit 1`).get();
  if (last) [auditSeq, auditHash] = [last.seq, last.hash];
  const entry = db.prepare(`${INSERT_ENTRY} values (${placeholders(15, false)})`);
  const audit = db.prepare(`${INSERT_AUDIT} values (${placeholders(10, false)})`);
  const event = db.prepare(`${INSERT_EVENT} values (${placeholders(6, false)})`);
  const page = db.prepare(SELECT_PAGE.replace('$1', '?'));
  const write = db.transaction((w: Written) => {
    entry.run(...w.entry);
    audit.run(...w.audit);
    event.run(...w.event);
  });
  return {
    add(caseId, body) {
      const { id, written } = rows(caseId, body);
      write(written);
      statements += 5; // BEGIN, three INSERTs, COMMIT
      transactions += 1;
      return Promise.resolve(id);
    },
    page(caseId) {
      statements += 1;
      return Promise.resolve(page.all(caseId) as Record<string, unknown>[]);
    },
  };
}

async function postgresBackend(): Promise<Backend> {
  const schema = process.env.DATABASE_SCHEMA!;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: `-c search_path=${schema}` });
  const last = await pool.query<{ seq: number; hash: string }>(`select seq, hash from audit_events where chain = 'BRI' order by seq desc limit 1`);
  if (last.rows[0]) [auditSeq, auditHash] = [Number(last.rows[0].seq), last.rows[0].hash];
  return {
    async add(caseId, body) {
      const { id, written } = rows(caseId, body);
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query({ name: 'entry', text: `${INSERT_ENTRY} values (${placeholders(15, true)})`, values: written.entry });
        await client.query({ name: 'audit', text: `${INSERT_AUDIT} values (${placeholders(10, true)})`, values: written.audit });
        await client.query({ name: 'event', text: `${INSERT_EVENT} values (${placeholders(6, true)})`, values: written.event });
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      statements += 5;
      transactions += 1;
      return id;
    },
    async page(caseId) {
      statements += 1;
      return (await pool.query({ name: 'page', text: SELECT_PAGE, values: [caseId] })).rows as Record<string, unknown>[];
    },
  };
}

const backend = kind === 'postgres' ? await postgresBackend() : sqliteBackend();
const app = express();
app.use(express.json());
app.post('/cases/:caseId/timeline', async (req, res) => {
  const id = await backend.add(req.params.caseId, req.body as Body);
  res.status(201).json({ id });
});
app.get('/cases/:caseId/timeline', async (req, res) => {
  const page = await backend.page(req.params.caseId);
  const items = page.slice(0, PAGE).map((r) => ({
    id: r.id,
    when: JSON.parse(String(r.when_json)) as unknown,
    lifeStage: r.life_stage,
    category: r.category,
    sourceAgency: r.source_agency,
    confidence: r.confidence,
    description: r.description,
    contributor: { id: r.contributor_id, name: r.contributor_name },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  }));
  res.json({ items, nextCursor: page.length > PAGE ? 'more' : null });
});
app.get('/healthz', (_req, res) => {
  res.json({ ok: true, caseId: CASE_ID });
});
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

process.on('message', (m: MinimalQuestion) => {
  if (m.ask === 'statements') process.send?.({ answer: 'statements', statements, transactions } satisfies MinimalAnswer);
});
