import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/domain/dates.js';
import { agreementGiven, consultationRequest } from '../support/factories.js';
import { THEMES, violations } from './axe.js';
import { startHarness, tabUrl, type Harness } from './harness.js';

/**
 * A consultation for a youth caution through the tab's forms: asked for on initials and age, the
 * ECM team's advice recorded, identified once the family agrees, then made a full case.
 */
describe('a consultation before court, in the tab', () => {
  let h: Harness;
  let today: string;
  beforeAll(async () => {
    h = await startHarness();
    today = h.server.clock.now().toISOString().slice(0, 10);
  });
  afterAll(() => h?.close());

  it('is asked for on initials and age, advised on by the ECM team, identified with agreement and made a full case', async () => {
    const amy = await h.signedIn('yjs-amy');
    await amy.page.goto(tabUrl(h, '', '#/'));
    await amy.page.getByRole('button', { name: 'Ask for a consultation' }).click();
    await amy.page.getByRole('heading', { name: 'Ask for a case consultation', level: 1 }).waitFor();
    await amy.page.getByLabel('Disposal or stage').selectOption('youth_caution');
    await amy.page.getByLabel("Young person's initials").fill('r.m.');
    await amy.page.getByRole('spinbutton', { name: 'Age' }).fill('14');
    await amy.page.getByLabel('Your question for the ECM team').fill('How can the caution programme keep him engaged?');
    await amy.page.getByRole('button', { name: 'Ask for a consultation' }).click();
    await amy.page.getByRole('heading', { name: 'Case consultation', level: 2 }).waitFor();
    await amy.page.getByText('Initials RM, aged 14: the family has not agreed to share more').waitFor();
    const caseId = decodeURIComponent(/cases\/([^/]+)/.exec(amy.page.url())?.[1] ?? '');
    const reference = (await amy.api.get(`/api/v1/cases/${caseId}`)).body.reference as string;
    // No name: the page is headed by the reference.
    expect(await amy.page.getByRole('heading', { level: 1 }).innerText()).toBe(reference);

    const sam = await h.signedIn('ecm-sam');
    await sam.page.goto(tabUrl(h, '', `#/cases/${caseId}/overview`));
    await sam.page.getByRole('button', { name: 'Record the consultation meeting' }).click();
    await sam.page.getByRole('checkbox', { name: /Sam Okafor/ }).check();
    await sam.page.getByLabel('Advice given').fill('Short sessions, same worker, same place.');
    await sam.page.getByLabel('Next steps agreed').fill('Move sessions to the youth club.');
    await sam.page.getByLabel('Follow up on').fill(addDays(today, 35));
    await sam.page.getByRole('button', { name: 'Record the meeting' }).click();
    await sam.page
      .getByRole('article', { name: /Consultation meeting on/ })
      .getByText('Short sessions, same worker, same place.')
      .waitFor();
    await sam.context.close();

    await amy.page.reload();
    await amy.page.getByRole('button', { name: 'The family agreed to share identifying details' }).click();
    await amy.page.getByLabel('Who agreed').fill('The young person and his mother');
    await amy.page.getByLabel("Young person's name").fill('Reece Consultfield');
    await amy.page.getByLabel('Date of birth').fill(addDays(addMonths(today, -12 * 14), -30));
    await amy.page.getByRole('button', { name: 'Save the identifying details' }).click();
    await amy.page.getByRole('heading', { name: 'Reece Consultfield', level: 1 }).waitFor();

    for (const party of ['young_person', 'parent_carer'] as const) {
      expect((await amy.api.post(`/api/v1/cases/${caseId}/agreements`, agreementGiven(party, { date: today }))).status).toBe(201);
    }
    await amy.page.reload();
    await amy.page.getByRole('button', { name: /make it a full ECM case/ }).click();
    await amy.page.getByLabel('Order starts').fill(today);
    await amy.page.getByLabel('Order ends').fill(addMonths(today, 12));
    await amy.page.getByRole('button', { name: 'Make it a full case' }).click();
    await amy.page.getByRole('heading', { name: 'Consultation before the order', level: 2 }).waitFor();
    await amy.page.getByText('Statutory ECM').waitFor();
    expect(await amy.page.getByText(reference).count()).toBeGreaterThan(0);
    expect(await amy.page.getByText('Short sessions, same worker, same place.').count()).toBe(1);
    await amy.context.close();
  });

  it('lists a consultation held on initials and age by its kind, with no name', async () => {
    const sam = await h.signedIn('ecm-sam');
    await sam.api.post('/api/v1/consultations', consultationRequest({ childInitials: 'KL', childAge: 15 }));
    await sam.page.goto(tabUrl(h, '', '#/'));
    await sam.page.getByLabel('Kind').selectOption('consultation');
    const row = sam.page.getByRole('row').filter({ hasText: 'KL, aged 15 (not identified)' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Case consultation');
    await sam.context.close();
  });

  for (const theme of THEMES) {
    it(`has no serious accessibility problem in its forms (${theme} theme)`, async () => {
      const sam = await h.signedIn('ecm-sam', { width: 320, height: 900 });
      const asked = await sam.api.post('/api/v1/consultations', consultationRequest());
      await sam.page.goto(tabUrl(h, `theme=${theme}`, '#/consult'));
      await sam.page.getByRole('heading', { name: 'Ask for a case consultation' }).waitFor();
      expect(await violations(sam.page)).toEqual([]);
      const widths = (await sam.page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as {
        scroll: number;
        client: number;
      };
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await sam.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${asked.body.id}/overview`));
      await sam.page.getByRole('button', { name: 'Record the consultation meeting' }).click();
      await sam.page.getByRole('checkbox', { name: /Sam Okafor/ }).waitFor();
      await sam.page.getByRole('button', { name: 'The family agreed to share identifying details' }).click();
      await sam.page.getByLabel('Who agreed').waitFor();
      expect(await violations(sam.page)).toEqual([]);
      // The consultation's own section fits a 320 px frame (the case's section tabs scroll on their own).
      const box = await sam.page.getByRole('region', { name: 'Case consultation' }).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(320);
      await sam.context.close();
    });
  }
});
