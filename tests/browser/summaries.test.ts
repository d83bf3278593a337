import { describe, expect, it } from 'vitest';
import { richCaseForFile } from './fixtures.js';
import { tabUrl } from './harness.js';
import { drainOutbox } from '../support/outbox.js';

/**
 * The summaries in the tab: the psychologist words the court summary drafted from the formulation,
 * saves and approves it, and it is filed in the library; the ECM practitioner words but does not
 * approve; a manager reads and downloads.
 */
describe('the summaries for the court and for adult services in the tab', () => {
  const file = richCaseForFile();

  it('the psychologist saves the court summary’s wording, approves it, and it is filed in the library', async () => {
    const { h, caseId } = file;
    const { context, page } = await h.signedIn('psy-helen');
    await page.goto(tabUrl(h, '', `#/cases/${caseId}/summaries`));
    const court = page.getByRole('form', { name: 'Summary for the court' });
    await court.getByText('First draft from the formulation, not yet saved').waitFor();
    // Drafted from the plan: the first recommendation, in plain words.
    expect(await court.getByRole('textbox', { name: 'The plan in plain words' }).inputValue()).toContain('One consistent key worker');
    const asked = court.getByRole('textbox', { name: 'What is asked of the young person' });
    await asked.fill('To meet their worker at the youth club each Tuesday.');
    await court.getByRole('button', { name: 'Save wording' }).click();
    await court.getByText('Draft, not yet approved').waitFor();
    await court.getByRole('button', { name: 'Approve and publish' }).click();
    await court.getByText(/^Approved: version 1/).waitFor();
    await drainOutbox(h.server.system);
    const docs = (await h.server.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}/documents`);
    expect(((await docs).body.items as { fileName: string }[]).map((d) => d.fileName)).toContainEqual(expect.stringMatching(/_court-summary\.docx$/));
    await context.close();
  });

  it('a problem with a section stands beside it, and what was typed stays in the form', async () => {
    const { h, caseId } = file;
    const { context, page } = await h.signedIn('ecm-sam');
    await page.goto(tabUrl(h, '', `#/cases/${caseId}/summaries`));
    const handover = page.getByRole('form', { name: 'Handover summary for adult services' });
    const avoid = handover.getByRole('textbox', { name: 'What to avoid' });
    await avoid.fill('Raising your voice. <b>Never</b> shout.');
    await handover.getByRole('button', { name: 'Save wording' }).click();
    await handover.getByRole('alert').filter({ hasText: 'What to avoid' }).waitFor();
    expect(await avoid.inputValue()).toBe('Raising your voice. <b>Never</b> shout.');
    // The ECM team words the summaries; only a psychologist approves them.
    expect(await handover.getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
    await context.close();
  });

  it('a manager reads the approved wording and may download it, but changes nothing', async () => {
    const { h, caseId } = file;
    const { context, page } = await h.signedIn('mgr-bri');
    await page.goto(tabUrl(h, '', `#/cases/${caseId}/summaries`));
    const court = page.getByRole('form', { name: 'Summary for the court' });
    await court.getByText('To meet their worker at the youth club each Tuesday.').waitFor();
    expect(await court.getByRole('textbox').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), court.getByRole('button', { name: 'Download the approved Word file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^BRI-\d{4}-\d{4}_court-summary\.docx$/);
    await context.close();
  });
});
