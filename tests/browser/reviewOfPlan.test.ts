import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richCase } from './fixtures.js';
import { settled, violations } from './axe.js';
import { ARTIFACTS, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * A review meeting's outcome works through the plan in the tab: progress on each action, a
 * decision to continue, change or stop, and a new action with its owner; a "by when" before the
 * formulation's approval is refused beside its field with nothing stored; the TRM placement at the
 * review is recorded with it. Axe in three themes.
 */
describe('a review outcome works through the plan', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ caseId } = await richCase(h));
    // The fixture's review has begun: its outcome can be recorded.
    h.server.clock.set('2026-12-10T10:30:00Z');
  });
  afterAll(() => h?.close());

  async function openForm(theme: string) {
    const s = await h.signedIn('ecm-sam', { width: 1280, height: 900 });
    await s.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/meetings`));
    await s.page.getByRole('table', { name: 'Meetings' }).waitFor();
    await s.page.getByRole('button', { name: /^Show/ }).first().click();
    const form = s.page.getByRole('form', { name: 'Record the outcome' });
    await form.getByRole('heading', { name: 'Review of the plan' }).waitFor();
    return { ...s, form };
  }

  it('the review of the plan, with a change and a new action open, passes axe in the light, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      const { context, page, form } = await openForm(theme);
      await form
        .getByRole('group', { name: /^Action 2:/ })
        .getByRole('combobox', { name: 'Decision' })
        .selectOption('change');
      await form.getByRole('button', { name: 'Add an action' }).click();
      await form.getByRole('group', { name: 'New action 1' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `review-of-plan-form-${theme}.png`), fullPage: true });
      await settled(page);
      expect(await violations(page), `outcome form, ${theme}`).toEqual([]);
      await context.close();
    }
  });

  it('records progress on each action and a new action with its owner, and the plan changes with it', async () => {
    const { context, page, form, api } = await openForm('default');
    const first = form.getByRole('group', { name: /^Action 1:/ });
    const second = form.getByRole('group', { name: /^Action 2:/ });
    await form.getByRole('textbox', { name: 'What was discussed and agreed' }).fill('Went through the plan together.');
    await first.getByRole('combobox', { name: 'Where it stands' }).selectOption('under_way');
    await first.getByRole('textbox', { name: 'What happened since' }).fill('Every weekly session kept.');
    await second.getByRole('textbox', { name: 'What happened since' }).fill('The mentor left.');
    await second.getByRole('textbox', { name: 'Barriers' }).fill('No mentor free until spring.');
    await second.getByRole('combobox', { name: 'Decision' }).selectOption('stop');
    await second.getByRole('textbox', { name: 'Why it stops' }).fill('No mentor until spring; football instead.');
    await form.getByRole('button', { name: 'Add an action' }).click();
    const added = form.getByRole('group', { name: 'New action 1' });
    await added.getByRole('textbox', { name: 'What will be done' }).fill('Weekly football with a youth club coach.');
    await added.getByRole('checkbox', { name: 'Relationship-based' }).check();
    await added.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'PC Jo Harris (Police)' });
    await added.getByLabel('By when').fill('2026-11-01');
    await form.getByLabel('Next review due').fill('2027-02-18');
    // The TRM placement at this review, beside the plan it reviews.
    await form.getByRole('combobox', { name: 'TRM level at this meeting' }).selectOption('2.5');
    await form.getByRole('textbox', { name: 'Why this level' }).fill('Trusts his YJS worker; starting to say what upsets him.');
    const placedBefore = (await api.get(`/api/v1/cases/${caseId}/trm`)).body.placements.length;
    const before = (await api.get(`/api/v1/cases/${caseId}/actions`)).body.items;

    // A "by when" before the formulation's approval: the problem beside the field, nothing stored.
    await form.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('alert').filter({ hasText: 'New action 1: “by when”' }).waitFor();
    expect(await added.getByText(/must be on or after 2026-11-27/i).count()).toBeGreaterThan(0);
    expect((await api.get(`/api/v1/cases/${caseId}/actions`)).body.items).toEqual(before);
    await settled(page);
    expect(await violations(page)).toEqual([]);

    await added.getByLabel('By when').fill('2027-01-15');
    await form.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('list', { name: 'Progress on each action' }).waitFor();
    await page
      .getByRole('list', { name: 'Actions added at this meeting' })
      .getByText(/Weekly football/)
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'review-of-plan-recorded.png') });

    const after = (await api.get(`/api/v1/cases/${caseId}/actions`)).body.items as any[];
    expect(after.map((a) => [a.sequence, a.status])).toEqual([
      [1, 'under_way'],
      [2, 'stopped'],
      [3, 'planned'],
    ]);
    expect(after[1].stoppedBecause).toBe('No mentor until spring; football instead.');
    expect(after[2]).toMatchObject({ owner: { staffId: 'police-jo' }, dueBy: '2027-01-15', relationshipBased: true });
    const placements = (await api.get(`/api/v1/cases/${caseId}/trm`)).body.placements;
    expect(placements).toHaveLength(placedBefore + 1);
    expect(placements.at(-1)).toMatchObject({ level: 2.5, rationale: 'Trusts his YJS worker; starting to say what upsets him.' });
    await context.close();
  });

  it('the recorded review and the plan pass axe in the light, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      const s = await h.signedIn('ecm-sam', { width: 1280, height: 900 });
      await s.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/meetings`));
      await s.page.getByRole('button', { name: /^Show/ }).first().click();
      await s.page.getByRole('list', { name: 'Progress on each action' }).waitFor();
      await settled(s.page);
      expect(await violations(s.page), `meetings, ${theme}`).toEqual([]);
      await s.context.close();
    }
  });
});
