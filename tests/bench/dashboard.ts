import { recordTrmPlacement } from '../../src/app/trm/recordTrmPlacement.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { startTestServer } from '../support/testSystem.js';

/**
 * npm run bench:dashboard — the median time of one service dashboard call (GET
 * /services/BRI/dashboard) over a caseload of CASES active cases, each with two TRM placements,
 * beside the caseload page of the same cases (GET /cases?service=BRI&limit=200) as the reference.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CASES = Number(process.env.BENCH_CASES ?? 200);

const t = await startTestServer();
try {
  const sam = await principal(t.system.deps, 'ecm-sam');
  for (let i = 0; i < CASES; i++) {
    const { id } = await activeCaseVia(t.system.deps, 'BRI');
    await recordTrmPlacement(t.system.deps, sam, id, { level: 2, rationale: 'First placement.', effectiveDate: '2026-10-01' });
    await recordTrmPlacement(t.system.deps, sam, id, { level: i % 3 ? 3 : 1.5, rationale: 'At the review.', effectiveDate: '2026-11-20' });
  }
  const manager = await t.signIn('mgr-bri');

  async function median(label: string, path: string): Promise<number> {
    const call = async () => {
      const res = await manager.get(path);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
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
      `${label.padEnd(48)} median ${m.toFixed(1).padStart(8)} ms  (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, ${RUNS} runs)\n`,
    );
    return m;
  }

  process.stdout.write(`Service dashboard benchmark: ${CASES} active cases, SQLite in memory, Node ${process.version}\n`);
  const dashboard = await median(`dashboard (${CASES} cases, one call)`, '/api/v1/services/BRI/dashboard');
  const caseload = await median(`reference: caseload page (${Math.min(CASES, 200)} cases)`, '/api/v1/cases?service=BRI&limit=200');
  process.stdout.write(`\nratio dashboard / caseload page ${(dashboard / caseload).toFixed(2)}×\n`);
} finally {
  await t.close();
}
