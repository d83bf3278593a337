import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { todayIn } from '../../src/ports/clock.js';
import { ARTIFACTS, startHarness, tabUrl, type Harness } from './harness.js';
import { settled, violations } from './axe.js';
import { richCase } from './fixtures.js';

const THEMES = ['default', 'dark', 'contrast'] as const;

/** The ECM team opens the evaluation across the services: figures as charts and tables, and the pseudonymised file. */
describe('the ECM team’s evaluation view', () => {
  let h: Harness;
  let caseId: string;
  let reference: string;
  let reviewId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ caseId } = await richCase(h));
    const sam = await h.server.signIn('ecm-sam');
    reference = (await sam.get(`/api/v1/cases/${caseId}`)).body.reference;
    // A review held just now (the case was referred at this instant on the test clock), with the evaluation's measures.
    const now = h.server.clock.now().getTime();
    const held = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      attendeeIds: ['yjs-amy'],
      status: 'held',
      outcome: {
        summary: 'Reviewed the plan.',
        nextReviewDue: addDays(todayIn(h.server.clock), 70),
        measures: {
          engagement: 'partly_engaged',
          educationTrainingEmployment: 'none',
          accommodation: 'stable',
          furtherOffending: 'alleged',
          custodyOrRemand: 'none',
        },
      },
    });
    expect(held.status).toBe(201);
    reviewId = held.body.id;
  });
  afterAll(() => h?.close());

  it('shows children supported, time in ECM, TRM movement, engagement and offending over time, each a chart with a table of the same figures', async () => {
    const s = await h.signedIn('ecm-sam');
    await s.page.goto(tabUrl(h, '', '#/'));
    await s.page.getByRole('link', { name: 'Evaluation' }).click();
    await s.page.getByRole('heading', { name: 'Evaluation across the services', level: 1 }).waitFor();
    const glance = s.page.getByRole('list', { name: 'At a glance' });
    expect(await glance.getByRole('listitem').filter({ hasText: 'Children supported' }).innerText()).toMatch(/Children supported\s*1/);
    for (const figure of [
      'Children supported by time in ECM',
      'Children supported by TRM movement',
      'Engagement over time, by quarter',
      'Further offending over time, by quarter',
    ]) {
      await s.page.getByRole('figure', { name: figure }).waitFor();
    }
    const quarter = '2026 Q4';
    const engagement = s.page.getByRole('figure', { name: 'Engagement over time, by quarter' }).getByRole('list', { name: quarter });
    expect(await engagement.getByRole('listitem').filter({ hasText: 'Partly engaged' }).innerText()).toMatch(/Partly engaged\s*1/);
    const offending = s.page.getByRole('table', { name: 'Further offending over time in numbers' });
    expect(await offending.getByRole('row', { name: new RegExp(quarter) }).innerText()).toMatch(/2026 Q4\s+0\s+1\s+0\s+0\s+0/);
    const movement = s.page.getByRole('table', { name: 'TRM movement in numbers' });
    expect(await movement.getByRole('row', { name: /Moved up/ }).innerText()).toMatch(/1$/);
    // Counts only: no case is named on the page.
    expect(await s.page.locator('main').innerText()).not.toContain(reference);
    await s.context.close();
  });

  it('downloads the pseudonymised outcome file, which names no case', async () => {
    const s = await h.signedIn('psy-helen');
    await s.page.goto(tabUrl(h, '', '#/evaluation'));
    const button = s.page.getByRole('button', { name: 'Download the pseudonymised outcome file (CSV)' });
    await s.page.getByRole('figure', { name: 'Children supported by time in ECM' }).waitFor();
    const [file] = await Promise.all([s.page.waitForEvent('download'), button.click()]);
    expect(file.suggestedFilename()).toBe(`ecm-evaluation_${todayIn(h.server.clock)}.csv`);
    const path = join(ARTIFACTS, 'evaluation-export.csv');
    await file.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^pseudonym,service,age_band,/);
    expect(csv).toContain('partly_engaged');
    expect(csv).not.toContain(reference);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await s.context.close();
  });

  it('is not offered to a manager, who keeps the per-service export', async () => {
    const s = await h.signedIn('mgr-bri');
    await s.page.goto(tabUrl(h, '', '#/evaluation'));
    await s.page.getByText('Your role does not allow this.').waitFor();
    expect(await s.page.getByRole('link', { name: 'Evaluation' }).count()).toBe(0);
    await s.context.close();
  });

  it('asks the measures in a review’s outcome, and says beside a field which answer is still missing', async () => {
    const s = await h.signedIn('ecm-sam');
    await s.page.goto(tabUrl(h, '', `#/cases/${caseId}/meetings`));
    const form = s.page.getByRole('form', { name: 'Record a meeting already held' });
    await form.waitFor();
    const measures = form.getByRole('group', { name: 'Outcome measures for the evaluation' });
    // The browser asks for the fields it requires; the server then lists every problem at once.
    await form.getByLabel('Started').fill('2026-11-20T10:00');
    await form.getByLabel('What was discussed and agreed').fill('Reviewed the plan.');
    await measures.getByLabel('Engagement with the service').selectOption('engaged');
    await form.getByRole('button', { name: 'Record the meeting and its outcome' }).click();
    await measures.getByText('Choose Full time, part time, none or not known.').waitFor();
    await measures.getByText('Choose None, alleged, charged, convicted or not known.').waitFor();
    // What was chosen is kept for the next try.
    expect(await measures.getByLabel('Engagement with the service').inputValue()).toBe('engaged');
    await s.context.close();
  });

  it('shows the measures recorded at a review with its outcome, in the form’s words', async () => {
    const s = await h.signedIn('yjs-amy');
    await s.page.goto(tabUrl(h, '', `#/cases/${caseId}/meetings/${reviewId}`));
    const measures = s.page.getByRole('definition').filter({ hasText: 'Partly engaged' });
    await measures.waitFor();
    expect(await s.page.getByRole('term').filter({ hasText: 'Further offending since the last review' }).count()).toBe(1);
    await s.page.getByRole('definition').filter({ hasText: 'Alleged' }).waitFor();
    await s.context.close();
  });

  for (const theme of THEMES) {
    it(`has no serious or critical accessibility violation in the ${theme} theme, and never scrolls sideways at 320 px`, async () => {
      for (const width of [1280, 320]) {
        const s = await h.signedIn('ecm-sam', { width });
        const errors: string[] = [];
        s.page.on('pageerror', (e) => errors.push(e.message));
        await s.page.goto(tabUrl(h, `theme=${theme}`, '#/evaluation'));
        await s.page.getByRole('figure', { name: 'Further offending over time, by quarter' }).waitFor();
        await settled(s.page);
        await s.page.screenshot({ path: join(ARTIFACTS, `evaluation-${theme}-${width}.png`), fullPage: true });
        expect(await violations(s.page)).toEqual([]);
        const widths = (await s.page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as {
          scroll: number;
          client: number;
        };
        expect(widths.scroll).toBeLessThanOrEqual(widths.client);
        expect(errors).toEqual([]);
        await s.context.close();
      }
    });
  }
});
