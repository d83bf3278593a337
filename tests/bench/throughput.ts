import autocannon from 'autocannon';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import type { ServerProcess } from '../support/serverProcess.js';
import { type EventStream, openStream } from './support/http.js';
import { fmt, median, type ResultRow } from './support/report.js';
import type { EcmBenchServer } from './support/servers.js';

/**
 * Adding a timeline entry through the API, under autocannon at 50 connections: sign-in (a bearer
 * session looked up on every request), validation, the access policy, the store, the audit chain
 * and the fan-out to the watchers holding the case's event stream open. Beside it, in the same run
 * and on the same machine, express's hello world under the same load. Each target is measured in
 * several short rounds, interleaved, and the median round counts.
 */
export const CONNECTIONS = 50;
export const WATCHERS = 5;
const GOAL_RATIO = 0.5;

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
}

interface Target {
  name: string;
  fire(seconds: number): Promise<Run>;
}

async function load(opts: autocannon.Options): Promise<Run> {
  const r = await autocannon({ ...opts, connections: CONNECTIONS });
  return {
    perSecondMedian: r.requests.p50,
    mean: r.requests.average,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    ok2xx: r['2xx'],
  };
}

async function helloTarget(hello: ServerProcess): Promise<Target> {
  return { name: 'express hello world (GET /)', fire: (duration) => load({ url: `${hello.url}/`, duration }) };
}

/** A case with watchers on its stream, and the request that adds an entry to it. */
async function ecmTarget(server: EcmBenchServer): Promise<Target & { watchers: EventStream[] }> {
  const amy = await signInAt(server.url, 'yjs-amy');
  const caseId = await activeCaseToday(amy);
  const watcherToken = (await signInAt(server.url, 'ecm-sam')).token;
  const watchers = Array.from({ length: WATCHERS }, () => openStream(server.url, caseId, watcherToken));
  await Promise.all(watchers.map((w) => w.ready));
  const body = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));
  return {
    name: `ECM: add a timeline entry (POST), ${server.store} database`,
    watchers,
    fire: (duration) =>
      load({
        url: `${server.url}/api/v1/cases/${caseId}/timeline`,
        method: 'POST',
        headers: { authorization: `Bearer ${amy.token}`, 'content-type': 'application/json' },
        body,
        duration,
      }),
  };
}

export async function measureThroughput(hello: ServerProcess, ecm: EcmBenchServer[], o: ThroughputOptions) {
  const reference = await helloTarget(hello);
  const subjects = await Promise.all(ecm.map(ecmTarget));
  const targets: Target[] = [reference, ...subjects];
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
    return {
      name: t.name,
      reqPerSec: median(rs.map((r) => r.perSecondMedian)),
      latencyP50Ms: median(rs.map((r) => r.latencyP50)),
      latencyP99Ms: median(rs.map((r) => r.latencyP99)),
      non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      rounds: rs.map((r) => r.perSecondMedian),
    };
  };
  const ref = summary(reference);
  const rows: ResultRow[] = [];
  for (const s of subjects) {
    const m = summary(s);
    const ratio = m.reqPerSec / ref.reqPerSec;
    // Every entry added reaches every watcher: the fan-out was part of the work measured.
    // Requests still in flight when a round ended were committed but not counted: watchers see those too.
    const acknowledged = added.get(s)!;
    await settle(() => Math.min(...s.watchers.map((w) => w.received.length)), acknowledged);
    await new Promise((ok) => setTimeout(ok, 500));
    const counts = s.watchers.map((w) => w.received.length);
    const fanOut =
      Math.min(...counts) === Math.max(...counts) && counts[0]! >= acknowledged
        ? `each of the ${WATCHERS} watchers received every entry (${fmt(counts[0]!)}; ${fmt(acknowledged)} acknowledged before the rounds ended)`
        : `watchers received ${counts.map((c) => fmt(c)).join(', ')} events for ${fmt(acknowledged)} acknowledged entries`;
    for (const w of s.watchers) w.close();
    const failures = m.non2xx + m.errors > 0 ? `; ${m.non2xx} non-2xx, ${m.errors} errors` : '';
    rows.push({
      measure: `add a timeline entry through the API, ${s.name.includes('postgres') ? 'PostgreSQL' : 'embedded database'} (${CONNECTIONS} connections, ${WATCHERS} watchers)`,
      value: `${fmt(m.reqPerSec)} req/s (p50 ${fmt(m.latencyP50Ms)} ms, p99 ${fmt(m.latencyP99Ms)} ms)`,
      reference: `express hello world ${fmt(ref.reqPerSec)} req/s`,
      ratio: fmt(ratio, 2),
      goal: `≥ ${GOAL_RATIO} of hello world`,
      met: ratio >= GOAL_RATIO && m.non2xx + m.errors === 0,
      note:
        (ratio >= GOAL_RATIO
          ? `${fmt((ratio / GOAL_RATIO - 1) * 100)}% above the goal`
          : `missed: ${fmt((1 - ratio / GOAL_RATIO) * 100)}% short (needs ${fmt(ref.reqPerSec * GOAL_RATIO)} req/s)`) + `; ${fanOut}${failures}`,
    });
  }
  return { rows, details: { reference: ref, subjects: subjects.map(summary), options: o, connections: CONNECTIONS, watchers: WATCHERS } };
}

/** Waits (up to 10 s) for the last events of a run to arrive; returns how many did. */
export async function settle(count: () => number, expected: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (count() < expected && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
  return count();
}
