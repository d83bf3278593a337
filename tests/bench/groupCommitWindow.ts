import autocannon from 'autocannon';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { fmt, median } from './support/report.js';
import { type EcmBenchServer, startEcmServer } from './support/servers.js';

/**
 * npm run bench:groupcommit — the embedded database's group commit (src/adapters/sqlite/groupCommit.ts)
 * under several windows and batch limits: adding a timeline entry through the API at 10 and 50
 * connections, each setting in its own server, rounds interleaved. Prints requests a second, p99,
 * and how many units of work shared a transaction. docs/benchmarks.md says what was chosen and why.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SETTINGS = [
  { windowMs: 0, maxBatch: 1 },
  { windowMs: 0, maxBatch: 16 },
  { windowMs: 0, maxBatch: 64 },
  { windowMs: 1, maxBatch: 64 },
  { windowMs: 2, maxBatch: 64 },
  { windowMs: 5, maxBatch: 64 },
];
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Subject {
  label: string;
  server: EcmBenchServer;
  url: string;
  token: string;
}

const body = JSON.stringify(entry({ description: 'Moved primary school after the family was rehoused (benchmark).' }));
const subjects: Subject[] = [];
try {
  for (const s of SETTINGS) {
    const server = await startEcmServer('embedded', {
      env: { BENCH_GROUP_COMMIT_WINDOW_MS: String(s.windowMs), BENCH_GROUP_COMMIT_MAX_BATCH: String(s.maxBatch) },
    });
    const amy = await signInAt(server.url, 'yjs-amy');
    const caseId = await activeCaseToday(amy);
    subjects.push({
      label: `window ${s.windowMs} ms, at most ${s.maxBatch} a batch`,
      server,
      url: `${server.url}/api/v1/cases/${caseId}/timeline`,
      token: amy.token,
    });
  }
  for (const connections of [10, 50]) {
    say(`\n${connections} connections, ${ROUNDS} rounds of ${SECONDS} s, interleaved`);
    const results = new Map<Subject, { rps: number[]; p99: number[]; units: number; batches: number }>(
      subjects.map((s) => [s, { rps: [], p99: [], units: 0, batches: 0 }]),
    );
    for (let round = 0; round <= ROUNDS; round++) {
      for (const s of subjects) {
        const before = (await s.server.statements()).groupCommit;
        const r = await autocannon({
          url: s.url,
          method: 'POST',
          headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
          body,
          connections,
          duration: round === 0 ? 2 : SECONDS, // round 0 warms up
        });
        const after = (await s.server.statements()).groupCommit;
        if (round === 0) continue;
        const m = results.get(s)!;
        m.rps.push(r.requests.p50);
        m.p99.push(r.latency.p99);
        m.units += (after?.units ?? 0) - (before?.units ?? 0);
        m.batches += (after?.batches ?? 0) - (before?.batches ?? 0);
      }
    }
    say('| setting | req/s (median) | p99 ms (median) | units of work a transaction |');
    say('|---|---|---|---|');
    for (const s of subjects) {
      const m = results.get(s)!;
      say(`| ${s.label} | ${fmt(median(m.rps))} | ${fmt(median(m.p99))} | ${fmt(m.units / Math.max(1, m.batches), 1)} |`);
    }
  }
} finally {
  await Promise.all(subjects.map((s) => s.server.stop()));
}
