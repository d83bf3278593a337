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

  it('notes of the meeting under way are added in the form’s words, refused input stores nothing, and the meetings page shows them', async () => {
    const { caseId } = await meetingCase(h, 0, { childName: 'Robin Notes-Fixture' });
    const now = h.server.clock.now().getTime();
    const sam = await h.server.signIn('ecm-sam');
    const held = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'consultation',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      attendeeIds: ['yjs-amy', 'police-jo'],
      status: 'held',
      outcome: { summary: 'Held before it was scheduled here.', nextReviewDue: null },
    });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    const s = await h.signedIn('ecm-sam', { width: 320, height: 800 });
    await s.page.goto(tabUrl(h, `frame=sidePanel&caseId=${caseId}&theme=default`));
    await s.page.getByText('Meeting notes', { exact: true }).click();
    await s.page.getByText('No notes of this meeting yet.').waitFor();
    const note = s.page.getByRole('textbox', { name: 'Note' });

    await note.fill('See <b>this</b>');
    await s.page.getByRole('button', { name: 'Add the note' }).click();
    await expect.poll(() => s.page.getByRole('alert').filter({ hasText: 'Note:' }).innerText(), { timeout: 10_000 }).toContain('must be plain text');
    expect((await sam.get(`/api/v1/cases/${caseId}/meetings/${held.body.id}/notes`)).body.items).toEqual([]);

    await s.page.getByLabel('Kind of note').selectOption('agreed_action');
    await note.fill('Jo calls the school before Friday.');
    await s.page.getByRole('button', { name: 'Add the note' }).click();
    await s.page.getByRole('listitem').filter({ hasText: 'Agreed action: Jo calls the school before Friday.' }).waitFor();
    expect(await note.inputValue()).toBe('');
    const wide = (await s.page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(wide).toBeLessThanOrEqual(320);

    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.goto(tabUrl(h, 'theme=default', `#/cases/${caseId}/meetings/${held.body.id}`));
    await s.page.getByRole('heading', { name: 'Notes' }).waitFor();
    await s.page.getByRole('list', { name: 'Notes of the case consultation' }).getByText('Jo calls the school before Friday.').waitFor();
    await s.context.close();
  });
});
