import { randomUUID } from 'node:crypto';
import type { TimelineEntry } from '../../src/domain/timeline.js';
import { activeCaseVia } from '../support/caseSetup.js';
import { startTestServer } from '../support/testSystem.js';

/**
 * npm run bench:search — the median time of one timeline search (GET /cases/:id/timeline/search)
 * on a case of ENTRIES entries, among CASES cases of as many entries each (the index holds every
 * case's words), beside a page of the same timeline (GET /cases/:id/timeline?limit=200) as the
 * reference. SQLite in memory by default; ECM_TEST_STORE=postgres with TEST_DATABASE_URL for
 * PostgreSQL.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CASES = Number(process.env.BENCH_CASES ?? 10);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1000);

const WORDS = (
  'school moved home family police health nurse bullied excluded fight mentor football boxing college ' +
  'grandmother foster placement missing returned court caution speech language therapy assessment ' +
  'father mother brother sister prison hospital injury achievement award attendance teacher youth club'
).split(' ');
const sentence = (i: number) => Array.from({ length: 14 }, (_, k) => WORDS[(i * 7 + k * 13 + ((i * k) % 5)) % WORDS.length]).join(' ') + '.';

const t = await startTestServer();
try {
  const caseIds: string[] = [];
  for (let c = 0; c < CASES; c++) {
    const { id } = await activeCaseVia(t.system.deps, 'BRI');
    caseIds.push(id);
    await t.system.deps.store.transaction(async (tx) => {
      for (let i = 0; i < ENTRIES; i++) {
        const date = `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
        const e: TimelineEntry = {
          id: randomUUID(),
          caseId: id,
          when: { precision: 'day', date },
          span: { start: date, end: date },
          lifeStage: 'primary',
          category: 'education',
          sourceAgency: i % 3 ? 'education' : 'health',
          confidence: 'confirmed',
          description: sentence(i + c),
          contributorId: 'yjs-amy',
          contributorName: 'Amy Clarke',
          createdAt: '2026-11-27T10:00:00.000Z',
          updatedAt: '2026-11-27T10:00:00.000Z',
          version: 1,
          retraction: null,
          restriction: null,
        };
        await tx.timeline.insert(e);
      }
    });
  }
  const sam = await t.signIn('ecm-sam');
  const target = caseIds[0]!;

  async function median(label: string, path: string): Promise<number> {
    let found = 0;
    const call = async () => {
      const res = await sam.get(path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      found = res.body.items.length;
    };
    await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await call();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const m = times[Math.floor(times.length / 2)]!;
    process.stdout.write(
      `${label.padEnd(52)} median ${m.toFixed(1).padStart(7)} ms  (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}; ${found} items)\n`,
    );
    return m;
  }

  const store = process.env.ECM_TEST_STORE === 'postgres' ? 'PostgreSQL' : 'SQLite in memory';
  process.stdout.write(`Timeline search benchmark: ${CASES} cases × ${ENTRIES} entries, ${store}, Node ${process.version}, ${RUNS} runs\n`);
  const base = `/api/v1/cases/${target}/timeline`;
  await median('search one rare word ("nurse", 50 shown)', `${base}/search?q=nurse`);
  await median('search two words as typed ("bull excl", 200 shown)', `${base}/search?q=bull%20excl&limit=200`);
  await median('search a common word + agency ("school", health)', `${base}/search?q=school&agency=health&limit=200`);
  await median('reference: a page of the timeline (200 entries)', `${base}?limit=200`);
} finally {
  await t.close();
}
