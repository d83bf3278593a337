import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { keepAliveAgent, nowMs, openStream, postJson } from './support/http.js';
import { fmt, percentile, type ResultRow } from './support/report.js';
import type { EcmBenchServer } from './support/servers.js';
import { settle } from './throughput.js';

/**
 * From commit to delivery: 50 people hold one case's event stream open (a formulation meeting's
 * side panels and stage) while entries are added at a steady 100 a second. Each event is stamped
 * when its transaction committed (in the server, see benchServer.ts) and when each stream received
 * it (here); both stamps come from the machine's monotonic clock. The send-to-delivery time, which
 * also holds the request's own work before the commit, is reported beside it.
 */
export const STREAMS = 50;
export const WRITES_PER_SECOND = 100;
const GOAL_P99_MS = 50;

export interface LatencyOptions {
  seconds: number;
}

export async function measureLatency(server: EcmBenchServer, o: LatencyOptions) {
  const amy = await signInAt(server.url, 'yjs-amy');
  const caseId = await activeCaseToday(amy);
  const viewers = await Promise.all(['ecm-sam', 'ecm-priya', 'psy-helen', 'psy-tom', 'mgr-bri'].map((id) => signInAt(server.url, id)));
  const streams = Array.from({ length: STREAMS }, (_, i) => openStream(server.url, caseId, viewers[i % viewers.length]!.token, i === 0));
  await Promise.all(streams.map((s) => s.ready));
  await server.commits(); // forget the set-up's events

  const agent = keepAliveAgent(32);
  const path = `/api/v1/cases/${caseId}/timeline`;
  const sent = new Map<string, number>(); // entry id -> when its request was sent
  const failures: string[] = [];
  const total = o.seconds * WRITES_PER_SECOND;
  const interval = 1000 / WRITES_PER_SECOND;
  const start = nowMs();
  const pending: Promise<void>[] = [];
  // Open loop: each write leaves at its own time, whether or not the ones before it were answered.
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - nowMs();
    if (wait > 1) await new Promise((ok) => setTimeout(ok, wait));
    const sentAt = nowMs();
    const body = JSON.stringify(entry({ description: `Entry ${i} added during the formulation meeting (benchmark).` }));
    pending.push(
      postJson(agent, server.url, path, amy.token, body).then(
        (r) => {
          if (r.status === 201) sent.set((JSON.parse(r.text) as { id: string }).id, sentAt);
          else failures.push(`${r.status}`);
        },
        (e: Error) => void failures.push(e.message),
      ),
    );
  }
  await Promise.all(pending);
  const achieved = total / ((nowMs() - start) / 1000);
  const expected = sent.size * STREAMS;
  const delivered = await settle(() => streams.reduce((n, s) => n + s.received.filter((e) => e.type === 'timeline.added').length, 0), expected);
  const commits = new Map((await server.commits()).filter(([c]) => c === caseId).map(([, seq, at]) => [seq, at]));
  agent.destroy();

  // Which entry each event carried, from the one stream that kept the data.
  const entryOfSeq = new Map(
    streams[0]!.received.filter((e) => e.type === 'timeline.added').map((e) => [e.seq, (JSON.parse(e.data) as { data: { id: string } }).data.id]),
  );
  const fromCommit: number[] = [];
  const fromSend: number[] = [];
  for (const s of streams) {
    for (const e of s.received) {
      if (e.type !== 'timeline.added') continue;
      const committed = commits.get(e.seq);
      if (committed !== undefined) fromCommit.push(e.atMs - committed);
      const sentAt = sent.get(entryOfSeq.get(e.seq) ?? '');
      if (sentAt !== undefined) fromSend.push(e.atMs - sentAt);
    }
    s.close();
  }
  fromCommit.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);
  const p = (xs: number[], q: number) => fmt(percentile(xs, q), 1);
  const p99 = percentile(fromCommit, 99);
  const where = server.store === 'postgres' ? 'PostgreSQL (LISTEN/NOTIFY)' : 'embedded database';
  const row: ResultRow = {
    measure: `commit to delivery, ${STREAMS} open event streams, ${WRITES_PER_SECOND} writes/s, ${where}`,
    value: `p50 ${p(fromCommit, 50)} ms, p95 ${p(fromCommit, 95)} ms, p99 ${p(fromCommit, 99)} ms`,
    reference: `send to delivery: p50 ${p(fromSend, 50)} ms, p95 ${p(fromSend, 95)} ms, p99 ${p(fromSend, 99)} ms`,
    ratio: `${fmt(p99 / GOAL_P99_MS, 2)} (p99 ÷ goal)`,
    goal: `p99 < ${GOAL_P99_MS} ms`,
    met: p99 < GOAL_P99_MS && delivered === expected && failures.length === 0,
    note:
      (p99 < GOAL_P99_MS ? `${fmt(GOAL_P99_MS - p99, 1)} ms inside the goal` : `missed by ${fmt(p99 - GOAL_P99_MS, 1)} ms`) +
      `; ${fmt(fromCommit.length)} deliveries timed, ${fmt(delivered)} of ${fmt(expected)} delivered; ${fmt(achieved, 1)} writes/s achieved` +
      (failures.length ? `; ${failures.length} writes failed (${[...new Set(failures)].join(', ')})` : ''),
  };
  return {
    row,
    details: {
      store: server.store,
      streams: STREAMS,
      writesPerSecond: WRITES_PER_SECOND,
      achievedWritesPerSecond: achieved,
      writes: sent.size,
      failures: failures.length,
      deliveries: { expected, delivered, timed: fromCommit.length },
      commitToDeliveryMs: { p50: percentile(fromCommit, 50), p95: percentile(fromCommit, 95), p99, max: fromCommit.at(-1) ?? NaN },
      sendToDeliveryMs: { p50: percentile(fromSend, 50), p95: percentile(fromSend, 95), p99: percentile(fromSend, 99), max: fromSend.at(-1) ?? NaN },
    },
  };
}
