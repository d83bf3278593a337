import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { groupCommitStats, type GroupCommitStats } from '../../../src/adapters/sqlite/groupCommit.js';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { compose } from '../../../src/composition.js';
import { parseConfig } from '../../../src/config.js';

/**
 * The real server for the benchmarks, in a child process of its own: composed from the environment
 * exactly as src/main.ts does, plus an IPC channel through which the benchmark asks it how much
 * memory it holds and when each case event committed.
 *
 * Commit stamps (BENCH_STAMP_COMMITS=true) are taken where the use case hands a committed event to
 * the case event bus: right after the transaction's COMMIT returned. They are read from the
 * monotonic clock (process.hrtime), which every process on one machine shares, so the benchmark can
 * subtract them from the times its own streams received the events.
 */
export type BenchQuestion = { ask: 'memory'; collectGarbage?: boolean } | { ask: 'commits' } | { ask: 'statements' } | { ask: 'origins' } | { ask: 'stop' };
export type BenchAnswer =
  | { answer: 'memory'; rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number }
  | { answer: 'commits'; commits: [caseId: string, seq: number, atMs: number][] }
  | { answer: 'statements'; statements: number; transactions: number; groupCommit: GroupCommitStats }
  | { answer: 'origins'; origins: Record<string, { statements: number; transactions: number }> }
  | { answer: 'stopped' };

/**
 * Statements and transactions, counted where they reach the driver: every better-sqlite3 statement
 * run (and every `exec`, which the group commit uses for BEGIN, SAVEPOINT and COMMIT), and every
 * `pg` query. A transaction is a BEGIN. The benchmark harness only: the product counts nothing.
 */
let statements = 0;
let transactions = 0;
const isBegin = (text: unknown) => typeof text === 'string' && /^\s*begin\b/i.test(text);

/**
 * With BENCH_STATEMENT_ORIGINS=true, each `pg` query is also counted under where it came from: the
 * innermost two frames of the product's code in its (async) stack, past the store's own (a use case
 * and its caller, or a worker), and with BENCH_STATEMENT_TEXT=true the statement's first words.
 * Capturing a stack costs time; only tests/bench/statementOrigins.ts turns it on.
 */
const origins = new Map<string, { statements: number; transactions: number }>();
const tallyOrigins = process.env.BENCH_STATEMENT_ORIGINS === 'true';
function countOrigin(begin: boolean, text = ''): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frames = stack
    .split('\n')
    .map((l) => /\/src\/(.+?\.ts):\d+/.exec(l)?.[1])
    .filter(
      (f): f is string =>
        f !== undefined &&
        !f.startsWith('adapters/sql/') &&
        !f.includes('connectionFailures') &&
        !f.includes('openPostgresStore') &&
        !f.includes('overtakenUpdates') &&
        !f.includes('app/unitOfWork'),
    );
  const key = `${frames.slice(0, 2).join(' < ') || '(no product frame)'}${process.env.BENCH_STATEMENT_TEXT === 'true' ? ` ${text}` : ''}`;
  const o = origins.get(key) ?? { statements: 0, transactions: 0 };
  o.statements += 1;
  if (begin) o.transactions += 1;
  origins.set(key, o);
}
{
  const probe = new SqliteDatabase(':memory:');
  const Statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown> & { source: string };
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = Statement[method]!;
    Statement[method] = function (this: { source: string }, ...args: unknown[]) {
      statements += 1;
      if (isBegin(this.source)) transactions += 1;
      return original.apply(this, args);
    };
  }
  const exec = SqliteDatabase.prototype.exec;
  SqliteDatabase.prototype.exec = function (this: SqliteDatabase.Database, source: string) {
    statements += 1;
    if (isBegin(source)) transactions += 1;
    return exec.call(this, source);
  };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
    if (isBegin(text)) transactions += 1;
    if (tallyOrigins) countOrigin(isBegin(text), String(text).slice(0, 50).replace(/\s+/g, ' '));
    return query.apply(this, args);
  };
}

const config = parseConfig(process.env);
// Only for measuring the group commit's window and batch size (tests/bench/groupCommitWindow.ts).
const window = process.env.BENCH_GROUP_COMMIT_WINDOW_MS;
const maxBatch = process.env.BENCH_GROUP_COMMIT_MAX_BATCH;
const store =
  !config.DATABASE_URL && (window || maxBatch)
    ? await openSqliteStore({
        dataDir: config.DATA_DIR,
        busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS,
        groupCommit: { ...(window ? { windowMs: Number(window) } : {}), ...(maxBatch ? { maxBatch: Number(maxBatch) } : {}) },
      })
    : undefined;
const system = await compose(config, store ? { store } : {});
const commits: [string, number, number][] = [];
if (process.env.BENCH_STAMP_COMMITS === 'true') {
  const bus = system.deps.bus;
  const publish = bus.publish.bind(bus);
  bus.publish = (event) => {
    commits.push([event.caseId, event.seq, Number(process.hrtime.bigint()) / 1e6]);
    publish(event);
  };
}
await system.listen();

const reply = (answer: BenchAnswer) => process.send?.(answer);
process.on('message', (m: BenchQuestion) => {
  switch (m.ask) {
    case 'memory': {
      // Only with --expose-gc: a full collection first, to tell memory held from memory not yet returned.
      if (m.collectGarbage) (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      return reply({ answer: 'memory', rssBytes: rss, heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, externalBytes: external });
    }
    case 'commits':
      return reply({ answer: 'commits', commits: commits.splice(0) });
    case 'statements':
      return reply({ answer: 'statements', statements, transactions, groupCommit: groupCommitStats() });
    case 'origins':
      return reply({ answer: 'origins', origins: Object.fromEntries(origins) });
    case 'stop':
      return void system.stop().then(() => {
        reply({ answer: 'stopped' });
        process.exit(0);
      });
  }
});
