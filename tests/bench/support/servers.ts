import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connectionSettings } from '../../../src/adapters/postgres/openPostgresStore.js';
import { dropSchema, freshSchemaName } from '../../support/postgresServer.js';
import { type ServerProcess, startServerProcess } from '../../support/serverProcess.js';
import type { GroupCommitStats } from '../../../src/adapters/sqlite/groupCommit.js';
import type { BenchAnswer, BenchQuestion } from './benchServer.js';

/** The PostgreSQL server the benchmark uses: this machine's, unless BENCH_DATABASE_URL names another. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';

/**
 * The per-person write limit guards against a runaway client; a benchmark with one person writing
 * hundreds of entries a second is one, so the limit is raised for it (and the report says so).
 */
export const BENCH_WRITE_LIMIT = 100_000_000;

export type StoreKind = 'embedded' | 'postgres';

export interface EcmBenchServer extends ServerProcess {
  store: StoreKind;
  /** The server's resident memory and JS heap, as the process sees them. */
  memory(collectGarbage?: boolean): Promise<{ rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number }>;
  /** The commit stamps taken since the last call (with stampCommits). */
  commits(): Promise<[caseId: string, seq: number, atMs: number][]>;
  /** Statements and transactions (BEGINs) run since the server started, and the group commit's batches. */
  statements(): Promise<StatementCount>;
  /** Statements and BEGINs by the product's code they came from (only with BENCH_STATEMENT_ORIGINS=true). */
  origins(): Promise<Record<string, { statements: number; transactions: number }>>;
  /** Stops the server and removes its data (the temp dir, or the PostgreSQL schema). */
  stop(): Promise<void>;
}

/** The PostgreSQL server's version, or why it cannot be used. */
export async function probePostgres(): Promise<{ ok: true; version: string } | { ok: false; why: string }> {
  const client = new pg.Client({ ...connectionSettings({ url: BENCH_DATABASE_URL }, 'benchmark probe'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return { ok: true, version: rows[0]?.v ?? 'unknown' };
  } catch (error) {
    return { ok: false, why: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEcmServer(
  store: StoreKind,
  options: { stampCommits?: boolean; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<EcmBenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecm-bench-'));
  const schema = store === 'postgres' ? freshSchemaName() : null;
  const server = await startServerProcess({
    entry: 'tests/bench/support/benchServer.ts',
    ipc: true,
    nodeArgs: options.nodeArgs ?? [],
    env: {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      ECM_DEMO_DATA: 'true',
      RATE_LIMIT_WRITES_PER_MINUTE: String(BENCH_WRITE_LIMIT),
      BENCH_STAMP_COMMITS: String(options.stampCommits ?? false),
      ...(schema ? { DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
      ...options.env,
    },
  });
  const ask = <A extends BenchAnswer['answer']>(question: BenchQuestion, wanted: A) =>
    new Promise<Extract<BenchAnswer, { answer: A }>>((ok) => {
      const onMessage = (m: BenchAnswer) => {
        if (m.answer !== wanted) return;
        server.child.off('message', onMessage);
        ok(m as Extract<BenchAnswer, { answer: A }>);
      };
      server.child.on('message', onMessage);
      server.child.send(question);
    });
  return {
    ...server,
    store,
    memory: (collectGarbage = false) => ask({ ask: 'memory', collectGarbage }, 'memory'),
    commits: async () => (await ask({ ask: 'commits' }, 'commits')).commits,
    statements: async () => {
      const { statements, transactions, groupCommit } = await ask({ ask: 'statements' }, 'statements');
      return { statements, transactions, groupCommit };
    },
    origins: async () => (await ask({ ask: 'origins' }, 'origins')).origins,
    async stop() {
      const stopped = Promise.all([ask({ ask: 'stop' }, 'stopped'), server.exited]);
      await Promise.race([stopped, new Promise((ok) => setTimeout(ok, 10_000))]);
      await server.kill('SIGKILL');
      if (schema) await dropSchema(BENCH_DATABASE_URL, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StatementCount {
  statements: number;
  transactions: number;
  groupCommit?: GroupCommitStats;
}

export type MinimalQuestion = { ask: 'statements' };
export type MinimalAnswer = { answer: 'statements'; statements: number; transactions: number };

export interface MinimalServer extends ServerProcess {
  store: StoreKind;
  /** The case the minimal server writes to and reads. */
  caseId: string;
  statements(): Promise<StatementCount>;
  stop(): Promise<void>;
}

/** A minimal durable server (tests/bench/support/minimalServer.ts) on the product's tables: the reference for adding and reading entries. */
export async function startMinimalServer(store: StoreKind): Promise<MinimalServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecm-bench-minimal-'));
  const schema = store === 'postgres' ? freshSchemaName() : null;
  const server = await startServerProcess({
    entry: 'tests/bench/support/minimalServer.ts',
    ipc: true,
    readyPath: '/healthz',
    env: {
      NODE_ENV: 'development',
      MINIMAL_STORE: store === 'postgres' ? 'postgres' : 'sqlite',
      DATA_DIR: dataDir,
      ...(schema ? { DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    },
  });
  return {
    ...server,
    store,
    caseId: 'case-minimal',
    statements: () =>
      new Promise<StatementCount>((ok) => {
        const onMessage = (m: MinimalAnswer) => {
          if (m.answer !== 'statements') return;
          server.child.off('message', onMessage);
          ok({ statements: m.statements, transactions: m.transactions });
        };
        server.child.on('message', onMessage);
        server.child.send({ ask: 'statements' } satisfies MinimalQuestion);
      }),
    async stop() {
      await server.kill('SIGKILL');
      if (schema) await dropSchema(BENCH_DATABASE_URL, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function startHelloServer(): Promise<ServerProcess> {
  return startServerProcess({ entry: 'tests/bench/support/helloServer.ts', env: { NODE_ENV: 'development' }, readyPath: '/' });
}
