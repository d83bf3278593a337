import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase } from '../support/factories.js';
import { settled, THEMES, violations } from './axe.js';
import { ARTIFACTS, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * The family moves: on the case overview the ECM team or the manager transfers the case, asked
 * once more before it happens; problems show beside their fields and what was typed is kept.
 */
describe('transferring a case from the overview', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  let made = 0;
  // Each a different child: a second referral of the same child would be asked about as a duplicate.
  const newCase = async () => activeCase(await h.server.signIn('yjs-amy'), { childName: `Morgan Transfer ${String.fromCharCode(65 + made++)}` });

  async function openForm(page: Page, caseId: string, theme = 'default') {
    await page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/overview`));
    await page.getByRole('button', { name: 'Transfer to another service' }).click();
    await page.getByRole('combobox', { name: 'Move to' }).locator('option', { hasText: 'North Somerset Youth Justice Service' }).waitFor({ state: 'attached' });
  }

  it('the ECM practitioner moves the case to North Somerset after confirming; Bristol’s practitioner no longer finds it', async () => {
    const caseId = await newCase();
    const s = await h.signedIn('ecm-sam');
    await openForm(s.page, caseId);
    await s.page.getByRole('combobox', { name: 'Move to' }).selectOption('NSO');
    await s.page.getByRole('combobox', { name: 'Case holder there' }).selectOption('yjs-dan');
    await s.page.getByRole('textbox', { name: 'Why the case moves' }).fill('The family moved to Weston-super-Mare.');
    await s.page.getByRole('button', { name: 'Transfer the case' }).click();
    const dialog = s.page.getByRole('alertdialog');
    await dialog.getByText(/Transfer BRI-\d{4}-\d{4} to North Somerset Youth Justice Service\?/).waitFor();
    // Keeping it changes nothing.
    await dialog.getByRole('button', { name: 'Keep it in Bristol Youth Justice Service' }).click();
    expect((await s.api.get(`/api/v1/cases/${caseId}`)).body.serviceId).toBe('BRI');

    await s.page.getByRole('button', { name: 'Transfer the case' }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Transfer the case' }).click();
    await s.page
      .getByText(/^NSO-\d{4}-\d{4}$/)
      .first()
      .waitFor();
    await s.page.getByText('North Somerset Youth Justice Service', { exact: true }).waitFor();
    expect((await (await h.server.signIn('yjs-amy')).get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await (await h.server.signIn('yjs-dan')).get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    await s.context.close();
  });

  it('a manager who names nobody is told beside the field, keeps what was typed across a reload, and after the move returns to the caseload', async () => {
    const caseId = await newCase();
    const s = await h.signedIn('mgr-bri');
    await openForm(s.page, caseId);
    await s.page.getByRole('combobox', { name: 'Move to' }).selectOption('NSO');
    await s.page.getByRole('textbox', { name: 'Why the case moves' }).fill('Moved to North Somerset in the holidays.');
    await s.page.getByRole('button', { name: 'Transfer the case' }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Transfer the case' }).click();
    await s.page.getByText('Is needed: name who holds the case in North Somerset Youth Justice Service.').first().waitFor();
    expect(await s.page.getByRole('combobox', { name: 'Case holder there' }).getAttribute('aria-invalid')).toBe('true');

    await s.page.reload();
    await s.page.getByRole('button', { name: 'Transfer to another service' }).click();
    await expect.poll(() => s.page.getByRole('textbox', { name: 'Why the case moves' }).inputValue()).toBe('Moved to North Somerset in the holidays.');
    await s.page.getByRole('combobox', { name: 'Case holder there' }).locator('option', { hasText: 'Dan Whitfield' }).waitFor({ state: 'attached' });
    await s.page.getByRole('combobox', { name: 'Case holder there' }).selectOption('yjs-dan');
    await s.page.getByRole('button', { name: 'Transfer the case' }).click();
    await s.page.getByRole('alertdialog').getByRole('button', { name: 'Transfer the case' }).click();
    // Back on the caseload, where the case no longer is.
    await s.page.getByRole('heading', { level: 1, name: 'My cases' }).waitFor();
    expect((await s.api.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    await s.context.close();
  });

  for (const theme of THEMES) {
    it(`the form and its confirmation have no serious or critical violation in the ${theme} theme, at 320 px`, async () => {
      const caseId = await newCase();
      const s = await h.signedIn('ecm-sam', { width: 320 });
      await openForm(s.page, caseId, theme);
      await s.page.getByRole('combobox', { name: 'Move to' }).selectOption('NSO');
      await settled(s.page);
      expect(await violations(s.page)).toEqual([]);
      // The form no wider than the side panel.
      const form = await s.page.getByRole('form', { name: 'Transfer to another service' }).boundingBox();
      expect(form!.x + form!.width).toBeLessThanOrEqual(320);
      await s.page.getByRole('button', { name: 'Transfer the case' }).click();
      await s.page.getByRole('alertdialog').waitFor();
      // The dialog fades in: checked once drawn as it stays, not half transparent.
      await settled(s.page);
      await s.page.screenshot({ path: join(ARTIFACTS, `transfer-confirm-${theme}.png`) });
      expect(await violations(s.page)).toEqual([]);
      await s.context.close();
    });
  }
});
