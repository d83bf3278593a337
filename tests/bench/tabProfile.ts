/**
 * `npx tsx tests/bench/tabProfile.ts` (after `npx tsx scripts/buildTab.ts`; build with `minify: false`
 * in tab/vite.config.ts for readable names): where the first render of a 1,000-entry timeline spends
 * its time. Opens the timeline three times in headless Chromium with the V8 sampling profiler on (the
 * Chrome DevTools Protocol through playwright-core), and prints for the last run the resources' load
 * times and the 40 functions with the most self time. A tool for looking, not a benchmark.
 */
import { meetingCase, startHarness, tabUrl } from '../browser/harness.js';
import { addLifeOfEntries } from './support/lifeOfEntries.js';
const h = await startHarness();
try {
  const { caseId, amy } = await meetingCase(h, 0);
  await addLifeOfEntries(amy, caseId);
  for (let run = 0; run < 3; run++) {
    const s = await h.signedIn('ecm-sam');
    const cdp = await s.context.newCDPSession(s.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await s.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
    await s.page.getByText('1000 of 1000 entries shown').waitFor();
    const t = (await s.page.evaluate(`performance.getEntriesByName('ecm:timeline-rendered')[0].startTime`)) as number;
    const marks = await s.page.evaluate(
      `JSON.stringify(performance.getEntriesByType('resource').map(r => [r.name.replace(/^https?:\\/\\/[^/]+/, ''), Math.round(r.startTime), Math.round(r.responseEnd)]).concat([['nav', 0, Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)]]))`,
    );
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log(`run ${run}: rendered at ${t.toFixed(0)} ms`);
    if (run === 2) {
      console.log(marks);
      console.log(
        [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 40)
          .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`)
          .join('\n'),
      );
    }
    await s.context.close();
  }
} finally {
  await h.close();
}
