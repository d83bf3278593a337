import { measureDashboard } from './dashboard.js';
import { measureGraphRequests } from './graphRequests.js';
import { measureLatency } from './latency.js';
import { measureMemory } from './memory.js';
import { measureRestartAfterKill } from './restartAfterKill.js';
import { measureThrottledDrain } from './throttledDrain.js';
import { describeMachine, machineLine, markdownTable, type ResultRow, writeResults } from './support/report.js';
import {
  BENCH_DATABASE_URL,
  BENCH_WRITE_LIMIT,
  type EcmBenchServer,
  probePostgres,
  startEcmServer,
  startHelloServer,
  startMinimalServer,
  type StoreKind,
} from './support/servers.js';
import { measureTab } from './tab.bench.js';
import { CONNECTIONS, measureThroughput } from './throughput.js';

/**
 * npm run bench — the whole system measured against references taken in the same run on the same
 * machine: throughput of adding a timeline entry (embedded database and PostgreSQL) against express's
 * hello world, commit-to-delivery time on 50 event streams, the dashboard at 5,000 cases against a
 * caseload page of the same service, memory after 10,000 entries against the
 * idle server, Graph requests per published document against the protocol minimum, publishing
 * under 20 % throttling against no fault, a restart after SIGKILL against a clean start, and the
 * tab's first render of 1,000 entries (list and wall) in headless Chromium against the 500 ms goal.
 * Every server runs in a child process of its own; the load comes from this process.
 * Prints the table and writes tests/bench/results/latest.{json,md}.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ROUNDS = env('BENCH_ROUNDS', 3);
const SECONDS = env('BENCH_SECONDS', 6);
const WARM_UP_SECONDS = env('BENCH_WARM_UP_SECONDS', 3);
const LATENCY_SECONDS = env('BENCH_LATENCY_SECONDS', 15);
/** BENCH_ONLY=throughput,latency runs only those parts (throughput, latency, dashboard, memory, tab, graph, throttling, restart). */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((p) => p.trim())) : null;
const runs = (part: string) => !ONLY || ONLY.has(part);

const say = (line: string) => process.stdout.write(`${line}\n`);
const started = Date.now();
const rows: ResultRow[] = [];
const details: Record<string, unknown> = {};
const notes: string[] = [];

const postgres = await probePostgres();
const stores: StoreKind[] = postgres.ok ? ['embedded', 'postgres'] : ['embedded'];
if (!postgres.ok) {
  const note = `PostgreSQL skipped: the server at ${BENCH_DATABASE_URL} does not answer (${postgres.why}).`;
  notes.push(note);
  say(`NOTE: ${note}`);
}
const machine = describeMachine(postgres.ok ? postgres.version : 'not reachable');
say(`ECM for Teams benchmarks on ${machineLine(machine)}\n`);

async function withServers<T>(starting: Promise<EcmBenchServer>[], work: (servers: EcmBenchServer[]) => Promise<T>): Promise<T> {
  const servers = await Promise.all(starting);
  try {
    return await work(servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

if (runs('throughput')) {
  say(`Throughput: ${ROUNDS} rounds of ${SECONDS} s per target, ${CONNECTIONS} connections, after a ${WARM_UP_SECONDS} s warm-up`);
  const hello = await startHelloServer();
  try {
    const minimal = await Promise.all(stores.map((s) => startMinimalServer(s)));
    const throughput = await withServers(
      stores.map((s) => startEcmServer(s)),
      (servers) => measureThroughput(hello, servers, minimal, { rounds: ROUNDS, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS }),
    ).finally(() => Promise.all(minimal.map((m) => m.stop())));
    rows.push(...throughput.rows);
    details.throughput = throughput.details;
  } finally {
    await hello.kill();
  }
}

if (runs('latency'))
  for (const store of stores) {
    say(`Commit to delivery (${store}): ${LATENCY_SECONDS} s of writes`);
    const latency = await withServers([startEcmServer(store, { stampCommits: true })], ([server]) => measureLatency(server!, { seconds: LATENCY_SECONDS }));
    rows.push(latency.row);
    details[`latency_${store}`] = latency.details;
  }

if (runs('dashboard')) {
  say('The service dashboard at 5,000 cases, beside a caseload page of the same service');
  const dashboard = await measureDashboard({ cases: 5000, runs: 9, say });
  rows.push(...dashboard.rows);
  details.dashboard = dashboard.details;
}

if (runs('memory')) {
  say('Memory: the compiled server, idle, then after 10,000 entries');
  const memory = await measureMemory();
  rows.push(...memory.rows);
  details.memory = memory.details;
}

if (runs('tab')) {
  say('The tab: first render of a 1,000-entry timeline, as a list and as the wall on the stage (headless Chromium)');
  const tab = await measureTab(say);
  rows.push(...tab.rows);
  details.tab = tab.details;
}

if (runs('graph')) {
  say('Graph requests per published document: a case published twice through the Graph double');
  const graph = await measureGraphRequests();
  rows.push(...graph.rows);
  details.graph = graph.details;
}

if (runs('throttling')) {
  say('Publishing under throttling: 30 documents, 20 % 429, against the same with no fault');
  const drain = await measureThrottledDrain();
  rows.push(...drain.rows);
  details.throttledDrain = drain.details;
}

if (runs('restart')) {
  say('A single instance killed mid-publication and restarted, against a clean start');
  const restart = await measureRestartAfterKill();
  rows.push(...restart.rows);
  details.restartAfterKill = restart.details;
}

notes.push(
  `The servers run in child processes of their own (the real composition, demo data loaded, NODE_ENV=development, LOG_LEVEL=warn); autocannon, the writers and the event-stream readers run in the benchmark's process. On a machine with few cores they share them.`,
  `The per-person write limit (RATE_LIMIT_WRITES_PER_MINUTE, 120 by default) is raised to ${BENCH_WRITE_LIMIT.toLocaleString('en-GB')} on the benchmark servers: one person makes the whole load.`,
  `The embedded database commits with synchronous=FULL (each acknowledged write is on disk before its answer); writes that arrive together share one transaction and one flush (group commit), each in a savepoint of its own. PostgreSQL runs on the same machine, in a fresh schema per server.`,
  `The minimal servers (tests/bench/support/minimalServer.ts) are express 5 on the product's tables: one transaction of three prepared INSERTs (entry, audit row, case event) a request, synchronous=FULL on SQLite, named statements over a pool of 10 on PostgreSQL; the read server answers the same default page (200 entries) with one prepared SELECT. Statements and transactions (BEGINs) are counted in each server's process as they reach the driver, and divided by the requests answered in the rounds.`,
  `Throughput is the median of the rounds' median seconds; each entry also reaches the watchers holding the case's event stream open.`,
  `Commit stamps are taken in the server right after COMMIT returns, on the monotonic clock the benchmark's process shares.`,
);
const table = markdownTable(rows);
say(`\n${table}`);
for (const n of notes) say(`- ${n}`);
const written = writeResults(machine, rows, notes, details);
const missed = rows.filter((r) => r.met === false);
say(`\n${missed.length ? `${missed.length} goal(s) NOT met: ${missed.map((r) => r.measure).join('; ')}` : 'Every goal measured was met.'}`);
say(`Written to ${written.markdown} and ${written.json} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
