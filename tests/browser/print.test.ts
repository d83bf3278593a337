import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingCase, startHarness, tabUrl, type Harness } from './harness.js';

/** On screen only the visible part of a long timeline is drawn; printed, all of it is. */
describe('printing the timeline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('renders every entry for print and returns to the virtualised list afterwards', async () => {
    const { caseId, amy } = await meetingCase(h, 0);
    for (let i = 0; i < 80; i++) {
      const r = await amy.post(`/api/v1/cases/${caseId}/timeline`, {
        when: { precision: 'age', age: i % 15 },
        category: 'home_family',
        sourceAgency: 'social_care',
        confidence: 'reported',
        description: `Print fixture ${i + 1}.`,
      });
      expect(r.status).toBe(201);
    }
    const s = await h.signedIn('ecm-sam');
    await s.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
    await s.page.getByText('80 of 80 entries shown').waitFor();
    const onScreen = await s.page.locator('[data-entry-id]').count();
    expect(onScreen).toBeLessThan(80);
    await s.page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
    expect(await s.page.locator('[data-entry-id]').count()).toBe(80);
    await s.page.emulateMedia({ media: 'print' });
    await s.page.screenshot({ path: `${import.meta.dirname}/artifacts/timeline-print.png`, fullPage: true });
    await s.page.evaluate(`window.dispatchEvent(new Event('afterprint'))`);
    await s.page.emulateMedia({ media: 'screen' });
    await expect.poll(() => s.page.locator('[data-entry-id]').count()).toBeLessThan(80);
    await s.context.close();
  });
});
