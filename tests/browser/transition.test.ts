import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears } from '../../src/domain/dates.js';
import { activeCase } from '../support/factories.js';
import { startHarness, tabUrl, type Harness } from './harness.js';

/** Moving on to adult services, in the tab at the side panel's 320 px. */
describe('moving on to adult services in the tab', () => {
  let h: Harness;
  let today: string;
  beforeAll(async () => {
    h = await startHarness();
    today = h.server.clock.now().toISOString().slice(0, 10);
  });
  afterAll(() => h?.close());

  it('the case holder of a 17½-year-old writes the plan: problems beside the fields, what was typed kept across a reload, one press saves', async () => {
    const amy = await h.server.signIn('yjs-amy');
    const caseId = await activeCase(amy, { childName: 'Robin Movingon', childDateOfBirth: addDays(addYears(addMonths(today, 6), -18), -7) });
    const s = await h.signedIn('yjs-amy', { width: 320, height: 900 });
    await s.page.goto(tabUrl(h, 'theme=default', `#/cases/${caseId}/overview`));
    await s.page.getByRole('tab', { name: 'Moving on to adult services' }).click();
    await s.page.getByText('No transition plan yet.', { exact: false }).waitFor();
    await s.page.getByText(/within six months/).waitFor();

    // A date before today is refused beside its field; nothing is stored.
    await s.page.getByLabel('Joins by').fill(addDays(today, -1));
    await s.page.getByRole('button', { name: 'Add a relationship' }).click();
    await s.page.getByRole('textbox', { name: 'Relationship 1' }).fill('Weekly boxing with the mentor he chose');
    await s.page.getByLabel('Until').fill(addMonths(today, 8));
    await s.page.getByRole('button', { name: 'Save the transition plan' }).click();
    await s.page.getByRole('alert').filter({ hasText: 'Adult service 1, joins by:' }).waitFor();
    await expect.poll(() => s.page.getByText(`Must be on or after ${today}, the day the plan is written.`).count()).toBeGreaterThan(0);
    expect((await amy.get(`/api/v1/cases/${caseId}/transition-plan`)).body.plan).toBeNull();

    // A reload keeps what was typed.
    await s.page.reload();
    await s.page.getByText('Your unsaved changes to the plan were kept.').waitFor();
    expect(await s.page.getByRole('textbox', { name: 'Relationship 1' }).inputValue()).toBe('Weekly boxing with the mentor he chose');

    await s.page.getByLabel('Joins by').fill(addMonths(today, 2));
    const saves: string[] = [];
    s.page.on('request', (r) => r.method() === 'PUT' && r.url().endsWith('/transition-plan') && saves.push(r.url()));
    await s.page.getByRole('button', { name: 'Save the transition plan' }).dblclick();
    await s.page
      .getByRole('list', { name: 'Relationships kept going' })
      .getByText(/Weekly boxing with the mentor he chose/)
      .waitFor();
    expect(saves).toHaveLength(1);
    const { plan } = (await amy.get(`/api/v1/cases/${caseId}/transition-plan`)).body;
    expect(plan).toMatchObject({ joining: [{ service: 'probation', joinBy: addMonths(today, 2) }], writtenBy: 'yjs-amy', version: 1 });
    const widths = (await s.page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as {
      scroll: number;
      client: number;
    };
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await s.context.close();
  });

  it('a 15-year-old’s case without a plan has no such section', async () => {
    const amy = await h.server.signIn('yjs-amy');
    const caseId = await activeCase(amy, { childName: 'Robin Younger' });
    const s = await h.signedIn('yjs-amy');
    await s.page.goto(tabUrl(h, 'theme=default', `#/cases/${caseId}/overview`));
    await s.page.getByRole('tab', { name: 'Meetings' }).waitFor();
    expect(await s.page.getByRole('tab', { name: 'Moving on to adult services' }).count()).toBe(0);
    await s.context.close();
  });
});
