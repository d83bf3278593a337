import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { REPOSITORY, startServerProcess } from '../support/serverProcess.js';
import { keepAliveAgent, postJson } from './support/http.js';
import { fmt, type ResultRow } from './support/report.js';
import { BENCH_WRITE_LIMIT } from './support/servers.js';

/**
 * The server's resident memory as `npm start` runs it (compiled, plain node, demo data): idle once
 * started, and after 10,000 timeline entries were added through the API across ten cases. Read from
 * /proc, as an operator's monitoring sees it, so the server carries no benchmark harness.
 */
export const ENTRIES = 10_000;
const CASES = 10;
const CONCURRENCY = 16;
const IDLE_GOAL_MB = 150;
const LOADED_GOAL_MB = 200;
const MB = 2 ** 20;

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
/** CPU seconds the process has used, user and system (/proc/<pid>/stat counts in clock ticks of 1/100 s). */
const cpuSecondsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;

/**
 * The flags `npm start` gives node, read from package.json's start script: the benchmark runs the
 * server as an operator's `npm start` does, flags and all.
 */
export function npmStartNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const flags = /^node((?: --\S+)*) scripts\/start\.mjs$/.exec(start)?.[1];
  if (flags === undefined) throw new Error(`package.json's start script is not "node [flags] scripts/start.mjs": ${start}`);
  return flags.split(' ').filter(Boolean);
}

/** Memory settles once the demo's first documents are made: waits until it holds still for two seconds. */
export async function settledRss(pid: number): Promise<number> {
  let last = rssOf(pid);
  for (let i = 0; i < 30; i++) {
    await pause(2000);
    const now = rssOf(pid);
    if (Math.abs(now - last) < MB) return now;
    last = now;
  }
  return last;
}

/**
 * The resident set of a process left alone: it settles (above), then it must hold still (within
 * 1 MB) for IDLE_MS, waiting again from each change, for at most IDLE_LIMIT_MS. V8 gives back the
 * garbage of a burst of work (the demo's documents at start, a run of requests) only when its
 * memory reducer sees the allocation rate stay low: `--trace-gc` shows "Mark-Compact (reduce)"
 * 16–26 s after the burst's last full collection, and a slow start on a loaded machine can end
 * long after the first two still seconds. Read before, the figure is the burst's high-water mark,
 * not what the idle server holds. Both are reported.
 */
export const IDLE_MS = 40_000;
const IDLE_LIMIT_MS = 150_000;
export async function idleRss(pid: number): Promise<{ settled: number; idle: number }> {
  const settled = await settledRss(pid);
  const deadline = Date.now() + IDLE_LIMIT_MS;
  let still = settled;
  let since = Date.now();
  while (Date.now() - since < IDLE_MS && Date.now() < deadline) {
    await pause(2000);
    const now = rssOf(pid);
    if (Math.abs(now - still) >= MB) {
      still = now;
      since = Date.now();
    }
  }
  return { settled, idle: rssOf(pid) };
}

export async function measureMemory() {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/buildServer.ts'], { cwd: REPOSITORY, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the server could not be compiled for the memory benchmark');
  const dataDir = mkdtempSync(join(tmpdir(), 'ecm-bench-'));
  const server = await startServerProcess({
    compiled: true,
    nodeArgs: npmStartNodeFlags(),
    env: { NODE_ENV: 'development', DATA_DIR: dataDir, ECM_DEMO_DATA: 'true', RATE_LIMIT_WRITES_PER_MINUTE: String(BENCH_WRITE_LIMIT) },
  });
  try {
    const { settled: startSettled, idle } = await idleRss(server.pid);
    const amy = await signInAt(server.url, 'yjs-amy');
    const cases: string[] = [];
    for (let i = 0; i < CASES; i++) cases.push(await activeCaseToday(amy));
    const cpuBefore = cpuSecondsOf(server.pid);
    const agent = keepAliveAgent(CONCURRENCY);
    let next = 0;
    let refused = 0;
    const worker = async () => {
      for (let i = next++; i < ENTRIES; i = next++) {
        const body = JSON.stringify(entry({ description: `Entry ${i}: moved primary school after the family was rehoused (benchmark).` }));
        const r = await postJson(agent, server.url, `/api/v1/cases/${cases[i % CASES]}/timeline`, amy.token, body);
        if (r.status !== 201) refused++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();
    // The server's own CPU per entry: what a smaller young generation would cost, on any machine.
    const cpuMsPerEntry = ((cpuSecondsOf(server.pid) - cpuBefore) * 1000) / ENTRIES;
    const { settled: loadSettled, idle: loaded } = await idleRss(server.pid);

    const idleMb = idle / MB;
    const loadedMb = loaded / MB;
    const rows: ResultRow[] = [
      {
        measure: `server memory (RSS) idle, compiled start (\`npm start\`), embedded database, demo data (still ${IDLE_MS / 1000} s)`,
        value: `${fmt(idleMb)} MB`,
        reference: 'the same process after 10,000 entries (next row)',
        ratio: fmt(idleMb / loadedMb, 2),
        goal: `< ${IDLE_GOAL_MB} MB`,
        met: idleMb < IDLE_GOAL_MB,
        note:
          (idleMb < IDLE_GOAL_MB ? `${fmt(IDLE_GOAL_MB - idleMb)} MB inside the goal` : `missed by ${fmt(idleMb - IDLE_GOAL_MB)} MB`) +
          `; ${fmt(startSettled / MB)} MB as the start-up's work first settled`,
      },
      {
        measure: `server memory (RSS) after ${fmt(ENTRIES)} entries, compiled start, embedded database, idle (still ${IDLE_MS / 1000} s)`,
        value: `${fmt(loadedMb)} MB`,
        reference: `the same server idle after start: ${fmt(idleMb)} MB`,
        ratio: fmt(loadedMb / idleMb, 2),
        goal: `< ${LOADED_GOAL_MB} MB`,
        met: loadedMb < LOADED_GOAL_MB && refused === 0,
        note:
          (loadedMb < LOADED_GOAL_MB ? `${fmt(LOADED_GOAL_MB - loadedMb)} MB inside the goal` : `missed by ${fmt(loadedMb - LOADED_GOAL_MB)} MB`) +
          `; ${fmt(loadSettled / MB)} MB as the load first settled; server CPU ${fmt(cpuMsPerEntry, 2)} ms per entry` +
          (refused ? `; ${refused} entries refused` : ''),
      },
    ];
    return {
      rows,
      details: {
        entries: ENTRIES,
        cases: CASES,
        refused,
        idleBytes: idle,
        loadedBytes: loaded,
        settledAfterStartBytes: startSettled,
        settledAfterLoadBytes: loadSettled,
        cpuMsPerEntry,
      },
    };
  } finally {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
