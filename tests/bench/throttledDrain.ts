import { randomBytes, randomUUID } from 'node:crypto';
import { systemClock } from '../../src/adapters/local/systemClock.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { publishCaseDocument } from '../support/documents.js';
import { m365Env, startM365Doubles } from '../support/m365.js';
import { startTestServer } from '../support/testSystem.js';
import { fmt, type ResultRow } from './support/report.js';

/**
 * Publishing under throttling: 30 documents queued at once and drained by the running worker (its
 * default concurrency, real waits) through the Graph double, once with no fault and once with 20 %
 * of Graph requests answered 429 with Retry-After: 1 — alternately, ROUNDS times each, medians
 * compared. The double answers every request after GRAPH_LATENCY_MS, Graph's usual round trip, so
 * that a one-second wait is set against work of a realistic length. Every round checks that each
 * document is in its library once: one file, one version, its own upload id.
 */
const DOCUMENTS = 30;
const THROTTLED_SHARE = 0.2;
const GRAPH_LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_DRAIN_ROUNDS ?? 3);
const GOAL_RATIO = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureThrottledDrain(): Promise<{ rows: ResultRow[]; details: unknown }> {
  const m = await startM365Doubles();
  const t = await startTestServer({
    env: { ...m365Env(m, randomUUID()), OUTBOX_POLL_MS: '50' },
    overrides: { fetch: m.fetch, clock: systemClock, startWorker: true },
  });
  m.graph.setLatency(GRAPH_LATENCY_MS);
  const deps = t.system.deps;
  const helen = await principal(deps, 'psy-helen');
  const services = ['BRI', 'NSO', 'SGL'] as const;

  async function drain(throttled: boolean): Promise<{ ms: number; throttledAnswers: number }> {
    const cases = await Promise.all(services.map((s) => activeCaseVia(deps, s)));
    m.graph.clearFaults();
    let state = 7 + cases.length;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31), state / 2 ** 31);
    let throttledAnswers = 0;
    if (throttled) {
      m.graph.inject({
        matches: () => random() < THROTTLED_SHARE && ++throttledAnswers > 0,
        fault: { kind: 'status', status: 429, retryAfterSeconds: 1 },
      });
    }
    const started = performance.now();
    const queued: { documentId: string; caseIndex: number; fileName: string }[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const c = cases[i % cases.length]!;
      const fileName = `${c.reference} record ${i + 1}.docx`;
      const q = await publishCaseDocument(deps, helen, c.id, {
        fileName,
        content: randomBytes(40_000),
        documentType: 'review_record',
        version: 'v1',
      });
      queued.push({ documentId: q.documentId, caseIndex: i % cases.length, fileName });
    }
    for (;;) {
      const statuses = await deps.store.transaction((tx) => Promise.all(queued.map((q) => tx.documents.get(q.documentId))));
      if (statuses.every((d) => d?.status === 'delivered')) break;
      await new Promise((ok) => setTimeout(ok, 10));
    }
    const ms = performance.now() - started;
    // Nothing lost, nothing twice: each document once in its library, one version, its own upload id.
    for (const q of queued) {
      const c = cases[q.caseIndex]!;
      const files = m.graph.drives.filesIn(m.libraries[services[q.caseIndex]!]!.driveId).filter((f) => f.path === `${c.reference}/${q.fileName}`);
      if (files.length !== 1 || files[0]!.versions !== 1 || files[0]!.fields.EcmUploadId !== q.documentId) {
        throw new Error(`document ${q.documentId} was lost or written twice (${files.length} files, ${files[0]?.versions ?? 0} versions)`);
      }
    }
    return { ms, throttledAnswers };
  }

  try {
    await drain(false); // warm-up: the first token, the first connections
    const clean: number[] = [];
    const faulted: number[] = [];
    let faults = 0;
    for (let r = 0; r < ROUNDS; r++) {
      clean.push((await drain(false)).ms);
      const f = await drain(true);
      faulted.push(f.ms);
      faults += f.throttledAnswers;
    }
    const ratio = median(faulted) / median(clean);
    return {
      rows: [
        {
          measure: `${DOCUMENTS} documents published under ${THROTTLED_SHARE * 100} % 429 (Retry-After 1 s), Graph ${GRAPH_LATENCY_MS} ms a request`,
          value: `drained in ${fmt(median(faulted) / 1000, 2)} s (median of ${ROUNDS}; ${faults} throttled answers in all); nothing lost or duplicated`,
          reference: `the same with no fault: ${fmt(median(clean) / 1000, 2)} s`,
          ratio: fmt(ratio, 2),
          goal: `≤ ${GOAL_RATIO}×`,
          met: ratio <= GOAL_RATIO,
          note: ratio <= GOAL_RATIO ? 'met' : `${fmt(ratio - GOAL_RATIO, 2)}× over`,
        },
      ],
      details: { documents: DOCUMENTS, graphLatencyMs: GRAPH_LATENCY_MS, cleanMs: clean, throttledMs: faulted, throttledAnswers: faults },
    };
  } finally {
    await t.close();
    await m.close();
  }
}

if (process.argv[1]?.endsWith('throttledDrain.ts')) {
  const { rows } = await measureThrottledDrain();
  for (const r of rows)
    process.stdout.write(`${r.measure}\n  ${r.value}\n  reference: ${r.reference}\n  ratio ${r.ratio} (goal ${r.goal}: ${r.met ? 'met' : 'NOT met'})\n`);
}
