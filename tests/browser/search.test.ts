import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry } from '../support/factories.js';
import { settled, THEMES, violations } from './axe.js';
import { ARTIFACTS, meetingCase, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * Finding on the timeline (issue 16 §5): words typed in the search box are searched in the
 * database, the list shows only the entries that hold them with the matched words marked, and the
 * number found is read out — at 320 px, in the three themes, by keyboard.
 */
describe('searching the timeline and the caseload in the tab', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness();
    const made = await meetingCase(h, 2, { childName: 'Riley Searchwell' });
    caseId = made.caseId;
    const added = await made.amy.post(
      `/api/v1/cases/${caseId}/timeline`,
      entry({ when: { precision: 'age', age: 13 }, description: 'Excluded for a fixed term after a fight at school.' }),
    );
    expect(added.status).toBe(201);
  });
  afterAll(() => h.close());

  it('marks the words found in the entries that hold them, says how many, and shows the whole timeline again when cleared', async () => {
    for (const theme of THEMES) {
      const s = await h.signedIn('ecm-sam', { width: 320, height: 800 });
      await s.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/timeline`));
      const list = s.page.getByRole('list', { name: /^Life timeline, 3 entries/ });
      await list.waitFor();
      const box = s.page.getByRole('searchbox', { name: 'Search the timeline' });
      await box.focus();
      await s.page.keyboard.type('exclu fight');
      await s.page.getByRole('status').filter({ hasText: '1 entry matches.' }).waitFor();
      const found = s.page.getByRole('list', { name: /^Life timeline, 1 entry/ });
      await found.waitFor();
      expect(await found.locator('mark').allTextContents()).toEqual(['Excluded', 'fight']);
      expect(await found.getByText('Fixture entry 1').count()).toBe(0);
      await settled(s.page);
      await s.page.screenshot({ path: join(ARTIFACTS, `search-timeline-${theme}-320.png`), fullPage: true });
      expect(await violations(s.page), theme).toEqual([]);
      // Nothing matches: said so; Escape clears the box and the whole timeline is back.
      await box.fill('giraffe');
      await s.page.getByRole('status').filter({ hasText: 'No entries match.' }).waitFor();
      await box.press('Escape');
      await list.waitFor();
      expect(await s.page.locator('[role="list"] mark').count()).toBe(0);
      await s.context.close();
    }
  });

  it('finds a case on the caseload by the child’s name, marked', async () => {
    const s = await h.signedIn('ecm-sam');
    await s.page.goto(tabUrl(h, '', '#/'));
    await s.page.getByRole('table', { name: 'My cases' }).waitFor();
    await s.page.getByRole('searchbox', { name: 'Find a case' }).fill('searchw');
    await s.page.getByRole('status').filter({ hasText: '1 case matches the search.' }).waitFor();
    const table = s.page.getByRole('table', { name: 'My cases' });
    expect(await table.locator('mark').allTextContents()).toEqual(['Searchw']);
    expect(await violations(s.page)).toEqual([]);
    await s.context.close();
  });
});
