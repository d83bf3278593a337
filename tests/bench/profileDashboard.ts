/**
 * `npx tsx tests/bench/profileDashboard.ts`: where the service dashboard's time goes at 5,000 active
 * cases (the caseload of `npm run bench:dashboard`) on the embedded store: each SQLite statement one
 * call of GET /services/BRI/dashboard runs, its median time over the runs and its query plan
 * (EXPLAIN QUERY PLAN), and the CPU time of the whole call (process.cpuUsage). A tool for looking,
 * not a benchmark; docs/benchmarks.md reads its run.
 */
import SqliteDatabase from 'better-sqlite3';
import { seedDashboardCaseload } from './dashboard.js';
import { startTestServer } from '../support/testSystem.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const cases = Number(process.env.BENCH_CASES ?? 5000);
const timed = new Map<string, { ms: number[]; cpu: number[]; db: SqliteDatabase.Database; args?: unknown[] }>();
let recording = false;
const prepare = SqliteDatabase.prototype.prepare;
SqliteDatabase.prototype.prepare = function (this: SqliteDatabase.Database, text: string) {
  const statement = prepare.call(this, text) as SqliteDatabase.Statement;
  for (const method of ['all', 'run', 'get'] as const) {
    const original = statement[method].bind(statement) as (...a: unknown[]) => unknown;
    (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      try {
        return original(...args);
      } finally {
        if (recording) {
          const entry = timed.get(text) ?? { ms: [], cpu: [], db: this };
          entry.ms.push(performance.now() - start);
          const cpu = process.cpuUsage(cpu0);
          entry.cpu.push((cpu.user + cpu.system) / 1000);
          entry.args = args;
          timed.set(text, entry);
        }
      }
    };
  }
  return statement;
} as typeof prepare;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const t = await startTestServer();
try {
  await seedDashboardCaseload(t, cases);
  const manager = await t.signIn('mgr-bri');
  const path = process.env.DASHBOARD_PATH ?? '/api/v1/services/BRI/dashboard';
  await manager.get(path);
  const wall: number[] = [];
  const cpu: number[] = [];
  recording = true;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const start = performance.now();
    const res = await manager.get(path);
    wall.push(performance.now() - start);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (res.status !== 200) throw new Error(`${res.status}`);
  }
  recording = false;
  if (process.env.SAVE_DB) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.SAVE_DB, [...timed.values()][0]!.db.serialize());
    writeFileSync(`${process.env.SAVE_DB}.json`, JSON.stringify([...timed].map(([text, e]) => ({ text, args: e.args, ms: median(e.ms) }))));
  }
  const total = [...timed.values()].reduce((a, e) => a + median(e.ms) * (e.ms.length / runs), 0);
  console.log(
    `${path} at ${cases} cases: median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU (process.cpuUsage, client included); statements ${total.toFixed(1)} ms`,
  );
  for (const [text, e] of [...timed].sort((a, b) => median(b[1].ms) - median(a[1].ms))) {
    const per = e.ms.length / runs;
    console.log(
      `\n${median(e.ms).toFixed(2)} ms (CPU ${median(e.cpu).toFixed(2)} ms) ×${per}  ${text.replace(/\s+/g, ' ').slice(0, process.env.FULL ? 100_000 : 160)}`,
    );
    if (median(e.ms) > 1 && /^\s*(with|select)/i.test(text)) {
      const params = (text.match(/\?/g) ?? []).map(() => null);
      try {
        for (const row of e.db.prepare(`explain query plan ${text}`).all(...params) as { id: number; parent: number; detail: string }[])
          console.log(`    ${row.parent} ${row.id} ${row.detail}`);
      } catch (error) {
        console.log(`    (no plan: ${(error as Error).message})`);
      }
    }
  }
} finally {
  await t.close();
}
