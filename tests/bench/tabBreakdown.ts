/**
 * `npx tsx tests/bench/tabBreakdown.ts` (after `npx tsx scripts/buildTab.ts`): where the time to the
 * first render goes, step by step, for the 1,000-entry timeline list and the wall on the meeting
 * stage: the HTML, the JavaScript run, who is signed in (/me), the case, the timeline's request and
 * its arrival, the render. Each step is the median over the runs of its time from navigation, read
 * from the page's own Performance marks (ecm:*) and resource timings. A tool for looking, not a
 * benchmark: `npm run bench:tab` is the measure.
 *
 * `AB=/path/to/another/tab/dist` (or several, joined by `:`) compares builds in the same period, run for run in turn (the
 * server reads tab/dist afresh for each request, so it is pointed at each build in turn): on a busy
 * machine, the only fair comparison.
 */
import { renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { meetingCase, startHarness, tabUrl } from '../browser/harness.js';
import { addLifeOfEntries } from './support/lifeOfEntries.js';

const RUNS = Number(process.env.RUNS ?? 7);

/** Read in the page: every step's time from navigation (ms), or -1 where the step did not happen. */
const STEPS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? -1;
  const api = (test) => res.filter((r) => test(r.name.replace(/^https?:\\/\\/[^/]+/, '').split('?')[0]));
  const first = (rs, f) => (rs.length ? Math.min(...rs.map(f)) : -1);
  const last = (rs, f) => (rs.length ? Math.max(...rs.map(f)) : -1);
  const js = res.filter((r) => /\\/tab\\/assets\\/.*\\.js$/.test(r.name));
  const me = api((p) => p.endsWith('/api/v1/me'));
  const cs = api((p) => /\\/api\\/v1\\/cases\\/[0-9a-f-]+$/.test(p));
  const tl = api((p) => p.endsWith('/timeline'));
  return {
    'HTML first byte': nav.responseStart,
    'HTML received': nav.responseEnd,
    'first JS requested': first(js, (r) => r.startTime),
    'boot script run': mark('ecm:boot'),
    'app JS run (main.tsx)': mark('ecm:js-run'),
    'DOMContentLoaded': nav.domContentLoadedEventEnd,
    '/me requested': first(me, (r) => r.startTime),
    '/me sent (requestStart)': first(me, (r) => r.requestStart),
    '/me received': last(me, (r) => r.responseEnd),
    'signed in (me in hand)': mark('ecm:signed-in'),
    'case requested': first(cs, (r) => r.startTime),
    'case received': last(cs, (r) => r.responseEnd),
    'timeline requested': first(tl, (r) => r.startTime),
    'timeline sent (requestStart)': first(tl, (r) => r.requestStart),
    'timeline first byte': first(tl, (r) => r.responseStart),
    'timeline received': last(tl, (r) => r.responseEnd),
    'timeline taken by the view': mark('ecm:timeline-loaded'),
    'last JS chunk received': last(js, (r) => r.responseEnd),
    'rendered': Math.max(mark('ecm:timeline-rendered'), mark('ecm:wall-drawn')),
    'timeline bytes (transfer)': last(tl, (r) => r.transferSize),
    'timeline bytes (decoded)': last(tl, (r) => r.decodedBodySize),
    'JS files': js.length,
    'JS bytes (transfer)': js.reduce((n, r) => n + r.transferSize, 0),
  };
})()`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function print(title: string, runs: Record<string, number>[]) {
  console.log(`\n${title} (median of ${runs.length})`);
  const rendered = median(runs.map((r) => r['rendered']!));
  let before = 0;
  for (const key of Object.keys(runs[0]!)) {
    const m = median(runs.map((r) => r[key]!));
    if (key.includes('bytes') || key === 'JS files') {
      console.log(`  ${key.padEnd(28)} ${m.toFixed(0).padStart(8)}`);
      continue;
    }
    const share = m >= 0 && key !== 'last JS chunk received' ? `+${(m - before).toFixed(0)} ms` : '';
    console.log(`  ${key.padEnd(28)} ${m.toFixed(0).padStart(6)} ms  ${share.padStart(9)}  ${m >= 0 ? `${((m / rendered) * 100).toFixed(0)}%` : ''}`);
    if (m >= 0 && key !== 'last JS chunk received') before = Math.max(before, m);
  }
}

const dist = join(import.meta.dirname, '..', '..', 'tab', 'dist');
const other = process.env.AB;
const builds: [string, string][] = [['this build', other ? `${dist}.this` : dist], ...(other?.split(':') ?? []).map((d): [string, string] => [d, d])];
const serve = (dir: string) => {
  if (!other) return;
  unlinkSync(dist);
  symlinkSync(dir, dist);
};
if (other) {
  renameSync(dist, `${dist}.this`);
  symlinkSync(`${dist}.this`, dist);
}
const h = await startHarness();
try {
  const { caseId, amy } = await meetingCase(h, 0);
  await addLifeOfEntries(amy, caseId);
  const list = builds.map((): Record<string, number>[] => []);
  const stage = builds.map((): Record<string, number>[] => []);
  for (let run = 0; run < RUNS; run++) {
    for (const [b, [, dir]] of builds.entries()) {
      serve(dir);
      const s = await h.signedIn('ecm-sam');
      await s.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
      await s.page.getByText('1000 of 1000 entries shown').waitFor();
      list[b]!.push((await s.page.evaluate(STEPS)) as Record<string, number>);
      await s.context.close();
      const t = await h.signedIn('ecm-sam');
      await t.page.goto(tabUrl(h, `frame=meetingStage&caseId=${caseId}`));
      await t.page.locator('[data-wall="stage"] svg[data-wall-marks="1000"]').waitFor();
      stage[b]!.push((await t.page.evaluate(STEPS)) as Record<string, number>);
      await t.context.close();
    }
  }
  for (const [b, [name]] of builds.entries()) {
    print(`${name}: timeline list, #/cases/:id/timeline`, list[b]!);
    print(`${name}: wall on the meeting stage`, stage[b]!);
  }
} finally {
  await h.close();
  if (other) {
    unlinkSync(dist);
    renameSync(`${dist}.this`, dist);
  }
}
