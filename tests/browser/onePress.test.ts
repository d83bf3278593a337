import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabRoutes } from '../../src/contract/tabAddress.js';
import { type Harness, meetingCase, startHarness, tabUrl } from './harness.js';

/** One press, one record (issue 12 §3): a double-click on a form's button in the real tab makes one record. */
describe('a double-clicked create in the tab', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness();
    caseId = (await meetingCase(h, 1)).caseId;
  });
  afterAll(() => h?.close());

  it('Record the placement, double-clicked, records one placement', async () => {
    const { context, page, api } = await h.signedIn('ecm-sam');
    try {
      await page.goto(tabUrl(h, '', `#/${tabRoutes.section(caseId, 'trm')}`));
      const form = page.getByRole('form', { name: 'Record a TRM placement' });
      await form.getByRole('textbox', { name: /Rationale/ }).fill('Building trust with the key worker.');
      await form.getByRole('button', { name: 'Record the placement' }).dblclick();
      await page.getByRole('table', { name: 'TRM placements' }).waitFor();
      // The form is ready for the next placement once the first is shown: nothing more is on its way.
      await expect.poll(() => form.getByRole('textbox', { name: /Rationale/ }).inputValue()).toBe('');
      expect((await api.get(`/api/v1/cases/${caseId}/trm`)).body.placements).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('Schedule, double-clicked, makes one meeting', async () => {
    const { context, page, api } = await h.signedIn('ecm-sam');
    try {
      const before = (await api.get(`/api/v1/cases/${caseId}/meetings`)).body.items.length;
      await page.goto(tabUrl(h, '', `#/${tabRoutes.scheduler(caseId, 'review')}`));
      const form = page.getByRole('form', { name: 'Schedule a meeting' });
      await form.getByLabel(/^Starts/).fill('2026-12-03T10:00');
      await form.getByLabel(/^Ends/).fill('2026-12-03T11:00');
      await form.getByRole('button', { name: 'Schedule' }).dblclick();
      await expect.poll(async () => (await api.get(`/api/v1/cases/${caseId}/meetings`)).body.items.length).toBe(before + 1);
      await expect.poll(() => form.getByLabel(/^Starts/).inputValue()).toBe('');
      expect((await api.get(`/api/v1/cases/${caseId}/meetings`)).body.items).toHaveLength(before + 1);
    } finally {
      await context.close();
    }
  });
});
