import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingCase, startHarness, tabUrl, type Harness } from './harness.js';

/** Teams gives the meeting side panel 320 px: everything must fit, scrolling only vertically. */
describe('the meeting side panel at 320 px', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('has no horizontal scroll, with the form open and long entries listed', async () => {
    const { caseId, amy } = await meetingCase(h, 3);
    await amy.post(`/api/v1/cases/${caseId}/timeline`, {
      when: { precision: 'lifeStage', lifeStage: 'primary' },
      category: 'parental_adversity',
      sourceAgency: 'social_care',
      confidence: 'unverified',
      description: 'Averyveryverylongwordwithoutanyspacesthatcouldpushthepanelwiderthanthreehundredandtwentypixels and more text after it.',
    });
    for (const precision of ['day', 'month', 'year', 'age', 'lifeStage']) {
      const s = await h.signedIn('police-jo', { width: 320, height: 800 });
      await s.page.goto(tabUrl(h, `frame=sidePanel&caseId=${caseId}&theme=dark`));
      await s.page.locator('[data-live-state="live"]').waitFor();
      await s.page.getByLabel('How precisely is the time known?').selectOption(precision);
      const widths = (await s.page.evaluate(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, body: document.body.scrollWidth })',
      )) as { scroll: number; client: number; body: number };
      expect(widths.client).toBe(320);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(widths.body).toBeLessThanOrEqual(widths.client);
      await s.context.close();
    }
  });
});
