import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../support/outbox.js';
import { newContext, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * The "done when": a newcomer walks a case from referral to an approved formulation, in the browser
 * only; the documents reach the case's folder of the local library, and the manager sees them.
 */
describe('from referral to an approved formulation, in the tab', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  async function signInAs(page: Page, staffId: string) {
    await page.goto(tabUrl(h));
    await page.locator(`[data-staff-id="${staffId}"]`).click();
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
  }

  it('refers, records agreement, builds the timeline, drafts and approves', async () => {
    const context = await newContext(h.browser);
    const page = await context.newPage();
    await signInAs(page, 'yjs-amy');
    await page.getByRole('button', { name: 'Refer a young person' }).click();
    await page.getByLabel("Young person's name").fill('Alex Walkthrough');
    await page.getByLabel('Date of birth').fill('2011-05-14');
    await page.getByLabel('Order starts').fill('2026-10-01');
    await page.getByLabel('Order ends').fill('2027-10-01');
    await page.getByLabel('Why are you referring?').fill('Violence towards peers; history of domestic abuse at home.');
    await page.getByRole('button', { name: 'Refer', exact: true }).click();
    await page.getByRole('heading', { name: 'Alex Walkthrough' }).waitFor();
    const caseId = /#\/cases\/([^/]+)/.exec(page.url())![1]!;

    await page.getByLabel("Your view of the young person's competence to agree (Gillick)").fill('Understood what ECM involves.');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByText(/Young person: Agreed/).waitFor();
    await page.getByLabel('Who').selectOption('parent_carer');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.getByText('Active', { exact: true }).first().waitFor();

    await page.getByRole('tab', { name: 'Life timeline' }).click();
    await page.getByRole('button', { name: 'Add an entry' }).click();
    await page.getByRole('dialog').getByLabel('Category').selectOption('education');
    await page.getByLabel('Age of the child (years)').fill('7');
    await page.getByLabel('What happened (facts, not opinion)').fill('Moved primary school after the family was rehoused.');
    await page.getByRole('button', { name: 'Add to the timeline' }).click();
    await page.locator('[data-entry-id]').getByText('Moved primary school after the family was rehoused.').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // Sign out ends the session on the server: the token Amy's tab held signs nobody in now.
    const amysToken = (await page.evaluate("sessionStorage.getItem('ecm-dev-token')")) as string;
    expect(amysToken).toBeTruthy();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, 'psy-helen');
    expect((await fetch(`${h.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${amysToken}` } })).status).toBe(401);
    // From the caseload, through the case's tabs, as a psychologist would get there.
    await page.locator(`a[href*="${caseId}"]`).first().click();
    await page.getByRole('tab', { name: 'Life timeline' }).click();
    await page.locator('[data-entry-id]').first().waitFor();
    await page.getByRole('tab', { name: 'Formulation' }).click();
    await page.getByRole('button', { name: 'Start the formulation' }).click();
    expect(page.url()).toContain(`#/cases/${caseId}/formulation`);
    await page.getByLabel('Summary', { exact: true }).fill('Alex has moved home and school often.');
    await page.getByRole('button', { name: 'Add a hypothesis' }).click();
    await page.getByLabel('Hypothesis 1', { exact: true }).fill('School moves feel like losing safety.');
    // By keyboard, as a practitioner without a mouse would.
    await page.getByRole('combobox', { name: 'Timeline evidence for hypothesis 1' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByText('1 entry chosen').waitFor();
    await page.getByLabel('Strengths', { exact: true }).fill('Good at art.');
    await page.getByRole('button', { name: 'Add a recommendation' }).click();
    await page.getByLabel('Recommendation 1', { exact: true }).fill('The same key worker, at the same time each week.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByRole('button', { name: 'Approve version 1' }).click();
    // The tab asks first: an approved version cannot change.
    await page.getByRole('alertdialog', { name: 'Approve version 1?' }).getByRole('button', { name: 'Approve version 1' }).click();
    await page.getByText(/Approved by Dr Helen Marsh/).waitFor();
    expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0);

    // The worker makes the documents and files them in the case's folder of the local library.
    await drainOutbox(h.server.system);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Check again' }).click();
    const published = page.getByRole('table', { name: 'Published documents' });
    await published.getByRole('row').filter({ hasText: 'formulation-report.docx' }).waitFor();
    const reference = (await page.locator('#case-title + span').innerText()).trim();
    const folder = join(h.server.system.config.DATA_DIR, 'library', 'BRI', reference);
    expect(readdirSync(folder).filter((n) => !n.startsWith('.'))).toEqual(
      [`${reference}_formulation-report.docx`, `${reference}_timeline.svg`, `${reference}_youth-friendly-formulation.docx`].sort(),
    );

    // The manager opens the dashboard and sees the service at a glance, the new documents included.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, 'mgr-bri');
    await page.getByRole('link', { name: 'Service dashboard' }).click();
    const library = page.getByRole('table', { name: 'Documents in the library' });
    await library
      .getByRole('row')
      .filter({ hasText: `${reference}_youth-friendly-formulation.docx` })
      .waitFor();
    expect(await page.getByRole('table', { name: 'Active cases' }).getByRole('row').filter({ hasText: reference }).innerText()).toContain('Approved');
    await context.close();
  });
});
