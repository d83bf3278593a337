import autocannon from 'autocannon';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { type EventStream, openStream } from './support/http.js';
import { fmt, median, type ResultRow } from './support/report.js';
import type { EcmBenchServer, MinimalServer, StatementCount, StoreKind } from './support/servers.js';

/**
 * Adding a timeline entry through the API, under autocannon at 50 connections: sign-in (a bearer
 * session looked up on every request), validation, the access policy, the store, the audit chain
 * and the fan-out to the watchers holding the case's event stream open; and reading the default
 * page of a case's timeline (which writes its own audit row). Beside each, in the same run and on
 * the same machine, the minimal durable server doing the least the same request needs
 * (support/minimalServer.ts: express 5, the product's tables, three prepared INSERTs in one
 * transaction, or one SELECT), and express's hello world as the ceiling. Every target is measured
 * in several short rounds, interleaved, and the median round counts. Statements and transactions
 * are counted in the servers during the rounds and divided by the requests answered.
 */
export const CONNECTIONS = 50;
export const WATCHERS = 5;
/** The goals of issue 18, as fractions of the minimal server's throughput. */
const GOALS = { embedded: 1.0, postgres: 0.5, read: 0.5 } as const;

export interface ThroughputOptions {
  rounds: number;
  seconds: number;
  warmUpSeconds: number;
}

interface Run {
  perSecondMedian: number;
  mean: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  ok2xx: number;
  statements: number;
  transactions: number;
  batches: number;
  batchedUnits: number;
}

interface Target {
  name: string;
  fire(seconds: number): Promise<Run>;
}

const NO_COUNT: StatementCount = { statements: 0, transactions: 0 };

async function load(opts: autocannon.Options, count: () => Promise<StatementCount> = async () => NO_COUNT): Promise<Run> {
  const before = await count();
  const r = await autocannon({ ...opts, connections: CONNECTIONS });
  const after = await count();
  return {
    perSecondMedian: r.requests.p50,
    mean: r.requests.average,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    ok2xx: r['2xx'],
    statements: after.statements - before.statements,
    transactions: after.transactions - before.transactions,
    batches: (after.groupCommit?.batches ?? 0) - (before.groupCommit?.batches ?? 0),
    batchedUnits: (after.groupCommit?.units ?? 0) - (before.groupCommit?.units ?? 0),
  };
}

function helloTarget(hello: ServerProcess): Target {
  return { name: 'express hello world (GET /)', fire: (duration) => load({ url: `${hello.url}/`, duration }) };
}

const BODY = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));
const storeName = (s: StoreKind) => (s === 'postgres' ? 'PostgreSQL' : 'embedded database');

/** A case with watchers on its stream, the request that adds an entry to it, and the one that reads its first page. */
async function ecmTargets(server: EcmBenchServer): Promise<{ write: Target; read: Target; watchers: EventStream[] }> {
  const amy = await signInAt(server.url, 'yjs-amy');
  const caseId = await activeCaseToday(amy);
  const watcherToken = (await signInAt(server.url, 'ecm-sam')).token;
  const watchers = Array.from({ length: WATCHERS }, () => openStream(server.url, caseId, watcherToken));
  await Promise.all(watchers.map((w) => w.ready));
  const url = `${server.url}/api/v1/cases/${caseId}/timeline`;
  return {
    watchers,
    write: {
      name: `ECM: add a timeline entry (POST), ${server.store}`,
      fire: (duration) =>
        load(
          { url, method: 'POST', headers: { authorization: `Bearer ${amy.token}`, 'content-type': 'application/json' }, body: BODY, duration },
          server.statements,
        ),
    },
    read: {
      name: `ECM: default timeline page (GET), ${server.store}`,
      fire: (duration) => load({ url, headers: { authorization: `Bearer ${amy.token}` }, duration }, server.statements),
    },
  };
}

function minimalTargets(server: MinimalServer): { write: Target; read: Target } {
  const url = `${server.url}/cases/${server.caseId}/timeline`;
  return {
    write: {
      name: `minimal durable server: POST, ${server.store}`,
      fire: (duration) => load({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY, duration }, server.statements),
    },
    read: { name: `minimal read server: GET, ${server.store}`, fire: (duration) => load({ url, duration }, server.statements) },
  };
}

export async function measureThroughput(hello: ServerProcess, ecm: EcmBenchServer[], minimal: MinimalServer[], o: ThroughputOptions) {
  const reference = helloTarget(hello);
  const ours = await Promise.all(ecm.map(async (server) => ({ server, ...(await ecmTargets(server)) })));
  const theirs = minimal.map((server) => ({ server, ...minimalTargets(server) }));
  const embedded = ours.find((t) => t.server.store === 'embedded')!;
  const embeddedMinimal = theirs.find((t) => t.server.store === 'embedded')!;
  // The writes first, then the reads (which see the entries the writes added, on both sides).
  const targets: Target[] = [reference];
  for (const t of ours) targets.push(t.write, theirs.find((m) => m.server.store === t.server.store)!.write);
  targets.push(embedded.read, embeddedMinimal.read);

  const added = new Map<Target, number>(targets.map((t) => [t, 0]));
  for (const t of targets) added.set(t, (await t.fire(o.warmUpSeconds)).ok2xx);
  const runs = new Map<Target, Run[]>(targets.map((t) => [t, []]));
  for (let round = 1; round <= o.rounds; round++) {
    for (const t of targets) {
      const run = await t.fire(o.seconds);
      runs.get(t)!.push(run);
      added.set(t, added.get(t)! + run.ok2xx);
      process.stdout.write(
        `  round ${round}: ${t.name.padEnd(52)} ${fmt(run.perSecondMedian).padStart(7)} req/s (median second), p99 ${run.latencyP99} ms${run.non2xx || run.errors ? `, ${run.non2xx} non-2xx, ${run.errors} errors` : ''}\n`,
      );
    }
  }
  const summary = (t: Target) => {
    const rs = runs.get(t)!;
    const answered = rs.reduce((n, r) => n + r.ok2xx + r.non2xx, 0);
    const batches = rs.reduce((n, r) => n + r.batches, 0);
    return {
      name: t.name,
      reqPerSec: median(rs.map((r) => r.perSecondMedian)),
      latencyP50Ms: median(rs.map((r) => r.latencyP50)),
      latencyP99Ms: median(rs.map((r) => r.latencyP99)),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      rounds: rs.map((r) => r.perSecondMedian),
      statementsPerRequest: answered ? rs.reduce((n, r) => n + r.statements, 0) / answered : NaN,
      transactionsPerRequest: answered ? rs.reduce((n, r) => n + r.transactions, 0) / answered : NaN,
      /** Units of work per shared transaction (the embedded database's group commit). */
      unitsPerBatch: batches ? rs.reduce((n, r) => n + r.batchedUnits, 0) / batches : NaN,
    };
  };
  const perRequest = (m: ReturnType<typeof summary>) =>
    `${fmt(m.statementsPerRequest, 1)} statements and ${fmt(m.transactionsPerRequest, 2)} transactions a request` +
    (Number.isNaN(m.unitsPerBatch) ? '' : `, ${fmt(m.unitsPerBatch, 1)} units of work a shared transaction`);
  const ref = summary(reference);
  const rows: ResultRow[] = [];
  const compare = (measure: string, subject: Target, against: Target, goal: number, extra: string) => {
    const m = summary(subject);
    const r = summary(against);
    const ratio = m.reqPerSec / r.reqPerSec;
    const failures = m.non2xx + m.errors > 0 ? `; ${m.non2xx} non-2xx, ${m.errors} errors` : '';
    rows.push({
      measure,
      value: `${fmt(m.reqPerSec)} req/s (p50 ${fmt(m.latencyP50Ms)} ms, p99 ${fmt(m.latencyP99Ms)} ms); ${perRequest(m)}`,
      reference: `${r.name.replace(/,.*$/, '')} ${fmt(r.reqPerSec)} req/s (p99 ${fmt(r.latencyP99Ms)} ms); ${perRequest(r)}`,
      ratio: fmt(ratio, 2),
      goal: `≥ ${fmt(goal, 1)}× the minimal server`,
      met: ratio >= goal && m.non2xx + m.errors === 0,
      note:
        (ratio >= goal
          ? `${fmt((ratio / goal - 1) * 100)}% above the goal`
          : `missed: ${fmt((1 - ratio / goal) * 100)}% short (needs ${fmt(r.reqPerSec * goal)} req/s)`) +
        `; ${fmt(m.reqPerSec / ref.reqPerSec, 2)}× hello world${extra}${failures}`,
    });
  };
  for (const t of ours) {
    // Every entry added reaches every watcher: the fan-out was part of the work measured.
    // Requests still in flight when a round ended were committed but not counted: watchers see those too.
    const acknowledged = added.get(t.write)!;
    await settle(() => Math.min(...t.watchers.map((w) => w.received.length)), acknowledged);
    await new Promise((ok) => setTimeout(ok, 500));
    const counts = t.watchers.map((w) => w.received.length);
    const fanOut =
      Math.min(...counts) >= acknowledged && Math.min(...counts) === Math.max(...counts)
        ? `each of the ${WATCHERS} watchers received every entry (${fmt(counts[0]!)}; ${fmt(acknowledged)} acknowledged before the rounds ended)`
        : `watchers received ${counts.map((c) => fmt(c)).join(', ')} events for ${fmt(acknowledged)} acknowledged entries`;
    for (const w of t.watchers) w.close();
    const store = t.server.store;
    const against = theirs.find((m) => m.server.store === store)!.write;
    compare(
      `add a timeline entry through the API, ${storeName(store)} (${CONNECTIONS} connections, ${WATCHERS} watchers)`,
      t.write,
      against,
      GOALS[store],
      `; ${fanOut}`,
    );
  }
  compare(`GET the default timeline page (200 entries), embedded database (${CONNECTIONS} connections)`, embedded.read, embeddedMinimal.read, GOALS.read, '');
  for (const m of theirs) {
    const s = summary(m.write);
    rows.push({
      measure: `the ceiling: minimal durable server (three INSERTs, one transaction a request), ${storeName(m.server.store)}`,
      value: `${fmt(s.reqPerSec)} req/s (p99 ${fmt(s.latencyP99Ms)} ms)`,
      reference: `express hello world ${fmt(ref.reqPerSec)} req/s (p99 ${fmt(ref.latencyP99Ms)} ms)`,
      ratio: fmt(s.reqPerSec / ref.reqPerSec, 2),
      goal: 'ratio reported',
      met: null,
      note: `how near hello world a server that flushes once per request came in this run`,
    });
  }
  return {
    rows,
    details: {
      reference: ref,
      subjects: targets.slice(1).map(summary),
      options: o,
      connections: CONNECTIONS,
      watchers: WATCHERS,
    },
  };
}

/** Waits (up to 10 s) for the last events of a run to arrive; returns how many did. */
export async function settle(count: () => number, expected: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (count() < expected && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
  return count();
}
