import { resvgRasteriser } from '../../src/adapters/resvg/resvgRasteriser.js';
import { formulationReport } from '../../src/documents/formulationReport.js';
import { packWord, para } from '../../src/documents/word.js';
import { dossierWith } from '../support/dossierFactory.js';

/**
 * npm run bench:docs — the median time to generate the formulation report for a case with 500
 * timeline entries (goal: under 1 s), beside two references measured in the same run on the same
 * machine: serialising the same dossier as JSON, and packing a one-paragraph Word file.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ENTRIES = 500;
const GOAL_MS = 1000;

async function median(label: string, work: () => Promise<unknown> | unknown): Promise<number> {
  await work(); // warm-up: first-call costs (module loading, font discovery) are not the steady state
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)] as number;
  process.stdout.write(
    `${label.padEnd(52)} median ${m.toFixed(1).padStart(8)} ms  (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, ${RUNS} runs)\n`,
  );
  return m;
}

const rasteriser = resvgRasteriser();
const rasterise = (svg: string, w: number) => rasteriser.toPng(svg, w);
const dossier = dossierWith(ENTRIES);
let size = 0;

process.stdout.write(`Formulation report benchmark: ${ENTRIES} timeline entries, Node ${process.version}\n`);
const report = await median(`formulation report (${ENTRIES} entries, with picture)`, async () => {
  size = (await formulationReport(dossier, { rasterise })).content.length;
});
const json = await median('reference: JSON.stringify of the same dossier', () => JSON.stringify(dossier));
const minimal = await median('reference: minimal .docx (one paragraph)', () =>
  packWord({ reference: 'BRI-2026-0042', documentTitle: 'Minimal', sections: [{ children: [para('x')] }] }),
);

process.stdout.write(`\nreport size ${(size / 1024).toFixed(0)} KiB\n`);
process.stdout.write(`ratio report / JSON         ${(report / json).toFixed(0)}×\n`);
process.stdout.write(`ratio report / minimal docx ${(report / minimal).toFixed(1)}×\n`);
process.stdout.write(`goal < ${GOAL_MS} ms: ${report < GOAL_MS ? 'met' : 'NOT met'} (${((report / GOAL_MS) * 100).toFixed(0)}% of budget)\n`);
