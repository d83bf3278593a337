import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled, violations } from './axe.js';
import { meetingCase, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * During the meeting the chair turns a missing piece of the jigsaw into a question for an agency;
 * the agency's member sees it in their side panel without reloading, and answers with an entry for
 * that stage; the chair's jigsaw then shows the piece in place.
 */
describe('a question for an agency, from the chair’s jigsaw to the health member’s side panel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  it('the chair asks Health about the early years; Ana sees it live at 320 px and answers with an entry; the cell fills', async () => {
    const { caseId } = await meetingCase(h, 0, { partner: { staffId: 'health-ana', agency: 'health' } });

    const ana = await h.signedIn('health-ana', { width: 320, height: 900 });
    await ana.page.goto(tabUrl(h, `frame=sidePanel&caseId=${caseId}&theme=dark`));
    await ana.page.locator('[data-live-state="live"]').waitFor();
    // The list is asked for again once the entry is saved: the question leaves when that answer comes.
    await expect.poll(() => ana.page.getByRole('heading', { name: /Asked of Health/ }).count(), { timeout: 10_000 }).toBe(0);

    const sam = await h.signedIn('ecm-sam');
    await sam.page.goto(tabUrl(h, 'theme=default', `#/cases/${caseId}/timeline`));
    await sam.page.getByText('Who knows what: the jigsaw of the child’s life').click();
    const cell = sam.page.locator('[data-cell="early_years/health"]');
    await cell.getByRole('button', { name: 'Ask Health, Early years (3–4)' }).click();
    await cell.getByText('Asked', { exact: true }).waitFor();
    await sam.page.getByRole('status').filter({ hasText: 'Asked: “Health: anything from the early years?”' }).waitFor();

    // Ana's panel shows the question without a reload.
    await ana.page.getByRole('heading', { name: 'Asked of Health (1)' }).waitFor();
    const question = ana.page.getByRole('list', { name: 'Questions for Health' }).getByRole('listitem');
    await question.getByText('Health: anything from the early years?').waitFor();
    await settled(ana.page);
    expect(await violations(ana.page)).toEqual([]);

    await question.getByRole('button', { name: 'Add an entry for this stage' }).click();
    // The form opens at the question's stage, for Health.
    expect(await question.getByLabel('How precisely is the time known?').inputValue()).toBe('lifeStage');
    expect(await question.getByLabel('Life stage').inputValue()).toBe('early_years');
    expect(await question.getByLabel('Which agency says so').inputValue()).toBe('health');
    await question.getByLabel('Category').selectOption('health_development');
    await question.getByLabel('What happened (facts, not opinion)').fill('Speech and language referral at nursery; seen twice.');
    await question.getByRole('button', { name: 'Add to the timeline' }).click();
    await ana.page.getByRole('status').filter({ hasText: 'the question is answered' }).waitFor();
    // The list is asked for again once the entry is saved: the question leaves when that answer comes.
    await expect.poll(() => ana.page.getByRole('heading', { name: /Asked of Health/ }).count(), { timeout: 10_000 }).toBe(0);
    const wide = (await ana.page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(wide).toBeLessThanOrEqual(320);

    // The chair's jigsaw shows the piece in place: one entry from Health for the early years.
    await expect.poll(() => cell.innerText(), { timeout: 10_000 }).toBe('1');
    const asked = (await sam.api.get(`/api/v1/cases/${caseId}/timeline/questions`)).body.items;
    expect(asked).toMatchObject([{ status: 'answered', answeredBy: 'health-ana' }]);
    await settled(sam.page);
    expect(await violations(sam.page)).toEqual([]);
    await ana.context.close();
    await sam.context.close();
  });

  it('"Nothing held" answers the question, and the jigsaw says so instead of a blank', async () => {
    const { caseId } = await meetingCase(h, 0, { partner: { staffId: 'health-ana', agency: 'health' }, childName: 'Robin Questions-Fixture' });
    const sam = await h.server.signIn('ecm-sam');
    const asked = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'infancy', agency: 'health' });
    expect(asked.status).toBe(201);
    const ana = await h.signedIn('health-ana', { width: 320, height: 900 });
    await ana.page.goto(tabUrl(h, `frame=sidePanel&caseId=${caseId}&theme=contrast`));
    const question = ana.page.getByRole('list', { name: 'Questions for Health' }).getByRole('listitem');
    await question.getByRole('button', { name: 'Nothing held' }).click();
    await ana.page.getByRole('status').filter({ hasText: 'nothing held' }).waitFor();
    await ana.context.close();

    const amy = await h.signedIn('yjs-amy');
    await amy.page.goto(tabUrl(h, 'theme=contrast', `#/cases/${caseId}/timeline`));
    await amy.page.getByText('Who knows what: the jigsaw of the child’s life').click();
    await amy.page.locator('[data-cell="infancy/health"]').getByText('Asked: nothing held').waitFor();
    await settled(amy.page);
    expect(await violations(amy.page)).toEqual([]);
    await amy.context.close();
  });
});
