import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entry } from '../support/factories.js';
import { THEMES, settled, violations } from './axe.js';
import { ARTIFACTS, meetingCase, startHarness, tabUrl, type Harness } from './harness.js';

const HEALTH_TEXT = 'Seen by CAMHS after a self-harm disclosure.';
const STAND_IN = 'Restricted entry — Health, Secondary school years (11–15)';

/** Presses Tab until the focused element's accessible label passes the test (a keyboard user's road, not a click). */
async function tabTo(page: Page, wanted: (label: string, tag: string) => boolean): Promise<void> {
  const focused = async () =>
    (await page.evaluate(
      '(() => { const a = document.activeElement; return a ? [a.getAttribute("aria-label") ?? a.textContent ?? "", a.tagName] : ["", ""]; })()',
    )) as [string, string];
  for (let i = 0; i < 120; i++) {
    const [label, tag] = await focused();
    if (wanted(label.trim(), tag)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}

/** The whole page fits its width: nothing scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })') as Promise<{
    scroll: number;
    client: number;
  }>;

/**
 * Health's contributor restricts her entry: she and the ECM team read it with a Restricted badge;
 * the police partner sees only that a restricted health entry exists and its life stage, in the
 * list and on the meeting stage's wall.
 */
describe('restricting a timeline entry in the tab', () => {
  let h: Harness;
  let caseId: string;
  let entryId: string;
  beforeAll(async () => {
    h = await startHarness();
    // Health's partner (Ana) invited and has accepted the terms; the police partner too.
    caseId = (await meetingCase(h, 2, { partner: { staffId: 'health-ana', agency: 'health' } })).caseId;
    const sam = await h.server.signIn('ecm-sam');
    const invited = await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
    expect(invited.status).toBe(201);
    const jo = await h.server.signIn('police-jo');
    const terms = (await jo.get(`/api/v1/cases/${caseId}`)).body.terms.version;
    expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: terms })).status).toBe(201);
    const ana = await h.server.signIn('health-ana');
    const added = await ana.post(
      `/api/v1/cases/${caseId}/timeline`,
      entry({ when: { precision: 'age', age: 13 }, category: 'health_development', sourceAgency: 'health', description: HEALTH_TEXT }),
    );
    expect(added.status).toBe(201);
    entryId = added.body.id;
  });
  afterAll(() => h?.close());

  it('the health partner restricts her entry from its row with the keyboard alone and sees it badged Restricted', async () => {
    const ana = await h.signedIn('health-ana');
    await ana.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
    const row = ana.page.locator(`[data-entry-id="${entryId}"]`);
    await row.getByText(HEALTH_TEXT).waitFor();

    await tabTo(ana.page, (label) => label.startsWith('Restrict the entry:'));
    await ana.page.keyboard.press('Enter');
    const dialog = ana.page.getByRole('dialog', { name: 'Restrict this entry?' });
    await dialog.waitFor();
    await tabTo(ana.page, (_, tag) => tag === 'TEXTAREA');
    await ana.page.keyboard.type('A health disclosure: kept to those who need it.');
    await tabTo(ana.page, (label) => label === 'Restrict');
    const answered = ana.page.waitForResponse((r) => r.url().endsWith(`/timeline/${entryId}/restriction`) && r.request().method() === 'POST');
    await ana.page.keyboard.press('Enter');
    expect((await answered).status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });

    await row.getByText('Restricted', { exact: true }).waitFor();
    await row.getByText(/by Ana .*: A health disclosure: kept to those who need it\./).waitFor();
    // Her text is still hers to read.
    await row.getByText(HEALTH_TEXT).waitFor();
    // Focus went back to the row's button, which now lifts the restriction.
    await expect.poll(() => ana.page.evaluate('document.activeElement?.getAttribute("aria-label") ?? ""')).toMatch(/^Lift the restriction of the entry:/);
    await ana.context.close();
  });

  it('the police partner sees a stand-in row with no text, and the stage’s mark names no text either', async () => {
    const jo = await h.signedIn('police-jo');
    await jo.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
    const row = jo.page.locator(`[data-entry-id="${entryId}"]`);
    await row.getByText(STAND_IN).waitFor();
    expect(await row.getAttribute('data-withheld')).toBe('true');
    const said = await row.innerText();
    expect(said).not.toContain('CAMHS');
    expect(said).not.toContain('Ana');
    expect(said).not.toContain('disclosure');
    expect(await jo.page.locator('body').innerText()).not.toContain('CAMHS');
    // No control for someone who cannot read it.
    expect(await row.getByRole('button').count()).toBe(0);

    await jo.page.goto(tabUrl(h, `frame=meetingStage&caseId=${caseId}`));
    await jo.page.locator('[data-wall="stage"] [data-wall-ready]').waitFor();
    const mark = jo.page.locator(`[data-wall="stage"] [data-entry-id="${entryId}"]`);
    await mark.waitFor();
    const name = (await mark.getAttribute('aria-label')) ?? '';
    expect(name).toContain('a restricted entry from Health');
    expect(name).toContain('Secondary school years (11–15)');
    expect(name).not.toContain('CAMHS');
    expect(name).not.toContain('self-harm');
    expect(await jo.page.locator('body').innerText()).not.toContain('CAMHS');
    // Opened, it says no more than the row: no category, confidence, contributor or history.
    await mark.focus();
    await jo.page.keyboard.press('Enter');
    const dialog = jo.page.getByRole('dialog', { name: STAND_IN });
    await dialog.waitFor();
    const opened = await dialog.innerText();
    for (const hidden of ['CAMHS', 'Ana', 'Unverified', 'edited', 'Health and development']) expect(opened).not.toContain(hidden);
    expect(await dialog.getByRole('button', { name: 'History' }).count()).toBe(0);
    await jo.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await jo.context.close();
  });

  it('lifting asks for a reason: an empty one is refused beside its field, and with one the text is open to the team again', async () => {
    const sam = await h.signedIn('ecm-sam');
    await sam.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
    const row = sam.page.locator(`[data-entry-id="${entryId}"]`);
    await row.getByText('Restricted', { exact: true }).waitFor();
    await row.getByRole('button', { name: /^Lift the restriction of the entry:/ }).click();
    const dialog = sam.page.getByRole('dialog', { name: 'Lift the restriction?' });
    await dialog.waitFor();

    let sent = 0;
    sam.page.on('request', (r) => r.url().includes('/restriction') && sent++);
    await dialog.getByRole('button', { name: 'Lift restriction' }).click();
    const field = dialog.getByRole('textbox', { name: /Why is the restriction being lifted\?/ });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const described = (await Promise.all(describedBy.split(' ').map((id) => sam.page.locator(`[id="${id}"]`).innerText()))).join(' ');
    expect(described).toContain('Say why the restriction is being lifted: a reason is required.');
    await dialog.getByText('Say why the restriction is being lifted: a reason is required.').first().waitFor();
    expect(sent).toBe(0);
    // Nothing changed.
    expect((await sam.api.get(`/api/v1/cases/${caseId}/timeline`)).body.items.find((e: { id: string }) => e.id === entryId).restriction).not.toBeNull();

    await field.fill('Agreed with health at the meeting: the team may read it.');
    const answered = sam.page.waitForResponse((r) => r.url().endsWith(`/restriction/lift`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Lift restriction' }).click();
    expect((await answered).status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByText('Restricted', { exact: true }).count()).toBe(0);

    const jo = await h.server.signIn('police-jo');
    const seen = (await jo.get(`/api/v1/cases/${caseId}/timeline`)).body.items.find((e: { id: string }) => e.id === entryId);
    expect(seen.description).toBe(HEALTH_TEXT);
    await sam.context.close();
  });

  for (const theme of THEMES) {
    it(`has no serious or critical accessibility problem with the badge, the stand-in row and the dialog in the ${theme} theme, and fits 320 px`, async () => {
      // Restricted again (by the API) for this theme's look, if the lifting test above opened it.
      const ana = await h.server.signIn('health-ana');
      const now = (await ana.get(`/api/v1/cases/${caseId}/timeline`)).body.items.find((e: { id: string }) => e.id === entryId);
      if (!now.restriction) {
        const again = await ana.post(
          `/api/v1/cases/${caseId}/timeline/${entryId}/restriction`,
          { reason: 'Restricted again.' },
          { 'if-match': `"${now.version}"` },
        );
        expect(again.status).toBe(200);
      }
      for (const width of [1280, 320]) {
        const reader = await h.signedIn('health-ana', { width, height: 900 });
        await reader.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/timeline`));
        const row = reader.page.locator(`[data-entry-id="${entryId}"]`);
        await row.getByText('Restricted', { exact: true }).waitFor();
        // In view, so that axe measures the badge's contrast as drawn.
        await row.scrollIntoViewIfNeeded();
        await settled(reader.page);
        await reader.page.screenshot({ path: join(ARTIFACTS, `restricted-badge-${theme}-${width}.png`), fullPage: true });
        expect(await violations(reader.page)).toEqual([]);
        if (width === 320) expect((await overflow(reader.page)).scroll).toBeLessThanOrEqual(320);

        // The dialog, showing its refusal of an empty reason.
        await row.getByRole('button', { name: /^Lift the restriction of the entry:/ }).click();
        const dialog = reader.page.getByRole('dialog', { name: 'Lift the restriction?' });
        await dialog.getByRole('button', { name: 'Lift restriction' }).click();
        await dialog.getByText('Say why the restriction is being lifted: a reason is required.').first().waitFor();
        await settled(reader.page);
        await reader.page.screenshot({ path: join(ARTIFACTS, `restricted-dialog-${theme}-${width}.png`), fullPage: true });
        expect(await violations(reader.page)).toEqual([]);
        if (width === 320) {
          expect((await overflow(reader.page)).scroll).toBeLessThanOrEqual(320);
          const box = await dialog.boundingBox();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(320);
        }
        await reader.context.close();

        const other = await h.signedIn('police-jo', { width, height: 900 });
        await other.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/timeline`));
        const standIn = other.page.locator(`[data-entry-id="${entryId}"]`);
        await standIn.getByText(STAND_IN).waitFor();
        await standIn.scrollIntoViewIfNeeded();
        await settled(other.page);
        await standIn.screenshot({ path: join(ARTIFACTS, `restricted-stand-in-row-${theme}-${width}.png`) });
        await other.page.screenshot({ path: join(ARTIFACTS, `restricted-stand-in-${theme}-${width}.png`), fullPage: true });
        expect(await violations(other.page)).toEqual([]);
        if (width === 320) {
          expect((await overflow(other.page)).scroll).toBeLessThanOrEqual(320);
          const box = await standIn.boundingBox();
          expect(box!.x + box!.width).toBeLessThanOrEqual(320);
        }
        await other.context.close();
      }
    });
  }
});
