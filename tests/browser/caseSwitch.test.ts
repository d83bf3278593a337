import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richCase } from './fixtures.js';
import { startHarness, tabUrl, type Harness } from './harness.js';
import { PATIENCE_MS } from '../support/patience.js';

/**
 * A case page shows one child only. Moving from one case's page straight to another's — a new
 * address, a deep link, a card's button, the back button — must leave nothing of the first child
 * on the page: not an entry, a draft, a filter, a live event or a late answer to an old request.
 */
interface Fixture {
  caseId: string;
  reference: string;
  childName: string;
  tag: string;
  partner: string;
  entryIds: string[];
}

type Section = 'overview' | 'timeline' | 'formulation' | 'trm' | 'meetings';
const SECTIONS: Section[] = ['overview', 'timeline', 'formulation', 'trm', 'meetings'];

/** Generous: the machine may be shared by several suites at once. */
const SETTLE_MS = PATIENCE_MS;

/** What shows once a section of this case has loaded (each check names something only this case holds). */
async function sectionReady(page: Page, c: Fixture, section: Section): Promise<void> {
  await page.getByRole('heading', { level: 1, name: c.childName }).waitFor();
  await expect.poll(() => page.getByRole('tab', { selected: true }).textContent(), { timeout: SETTLE_MS }).toBe(TAB_NAMES[section]);
  switch (section) {
    case 'overview':
      await page.getByText(`Violence towards peers. (${c.tag})`).waitFor();
      await page.getByRole('table', { name: 'Case team' }).getByText(c.partner).waitFor();
      await page.getByRole('table', { name: 'Published documents' }).waitFor();
      return;
    case 'timeline':
      await page.locator('[data-live-state="live"]').waitFor();
      await page.getByText(`${c.entryIds.length} of ${c.entryIds.length} entries shown`).waitFor();
      return;
    case 'formulation':
      // The summary is a form field while the draft is open: its words are its value, not page text.
      await expect.poll(() => page.getByLabel('Summary', { exact: true }).inputValue(), { timeout: SETTLE_MS }).toContain(c.tag);
      await page.getByRole('heading', { name: 'Compare versions' }).waitFor();
      await page.locator('[aria-label="Timeline evidence"] [data-entry-id]').first().waitFor();
      return;
    case 'trm':
      await page.getByRole('table', { name: 'TRM placements' }).getByText(`Placed at 2.5 at the meeting. (${c.tag})`).waitFor();
      return;
    case 'meetings':
      await page.getByRole('table', { name: 'Meetings' }).waitFor();
      await page.getByRole('button', { name: /^Show/ }).first().click();
      await page.getByText(`Where: The YJS office (${c.tag})`).waitFor();
      return;
  }
}

const TAB_NAMES: Record<Section, string> = {
  overview: 'Overview',
  timeline: 'Life timeline',
  formulation: 'Formulation',
  trm: 'Trauma Recovery Model',
  meetings: 'Meetings',
};

/** Counts the API requests in flight (the live feed, which never ends, aside). */
function watchRequests(page: Page) {
  const inFlight = new Set<Request>();
  const isApi = (r: Request) => r.url().includes('/api/v1/') && !r.url().endsWith('/events');
  page.on('request', (r) => isApi(r) && inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    /** Every request answered and what it brought drawn: only then can the page be said to hold nothing else. */
    async settled() {
      for (let round = 0; round < 2; round++) {
        await expect.poll(() => inFlight.size, { timeout: SETTLE_MS }).toBe(0);
        await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      }
    },
  };
}

/** Everything the page holds — its text, every form field's value, every entry — is this case's and none of the other's. */
async function showsOnly(page: Page, shown: Fixture, other: Fixture): Promise<void> {
  const text = await page.locator('body').innerText();
  const values = (await page.evaluate(`[...document.querySelectorAll('input, textarea, select')].map((el) => el.value).join('\\n')`)) as string;
  for (const what of [text, values]) {
    expect(what).not.toContain(other.tag);
    expect(what).not.toContain(other.childName);
    expect(what).not.toContain(other.reference);
  }
  // The other child's partner may be offered in the invitation picker, but is never shown on this team.
  const team = page.getByRole('table', { name: 'Case team' });
  if (await team.count()) expect(await team.innerText()).not.toContain(other.partner);
  expect(text).toContain(shown.reference);
  const ids = (await page.locator('[data-entry-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id')))) as string[];
  for (const id of ids) expect(shown.entryIds).toContain(id);
}

const moveTo = (page: Page, c: Fixture, section: Section) => page.evaluate(`location.hash = '#/cases/${c.caseId}/${section}'`);

describe('moving from one case straight to another', () => {
  let h: Harness;
  let a: Fixture;
  let b: Fixture;
  beforeAll(async () => {
    h = await startHarness();
    const make = async (childName: string, tag: string, entries: number, partner: { staffId: string; agency: string; name: string }) => {
      const { caseId, entryIds } = await richCase(h, { childName, tag, entries, partner });
      const sam = await h.server.signIn('ecm-sam');
      const reference = (await sam.get(`/api/v1/cases/${caseId}`)).body.reference as string;
      return { caseId, reference, childName, tag, partner: partner.name, entryIds };
    };
    a = await make('Riley Fixture', 'Alder', 6, { staffId: 'police-jo', agency: 'police', name: 'PC Jo Harris' });
    b = await make('Sasha Second', 'Birch', 3, { staffId: 'sw-mark', agency: 'social_care', name: 'Mark Ellison' });
  });
  afterAll(() => h?.close());

  for (const section of SECTIONS) {
    it(`the ${section} section shows only the second child's data, and only the first's again after Back`, async () => {
      const s = await h.signedIn('psy-helen');
      const requests = watchRequests(s.page);
      await s.page.goto(tabUrl(h, '', `#/cases/${a.caseId}/${section}`));
      await sectionReady(s.page, a, section);

      await moveTo(s.page, b, section);
      await sectionReady(s.page, b, section);
      await requests.settled();
      await showsOnly(s.page, b, a);

      await s.page.goBack();
      await sectionReady(s.page, a, section);
      await requests.settled();
      await showsOnly(s.page, a, b);
      await s.context.close();
    });
  }

  it("the formulation's evidence picker offers only the second child's entries", async () => {
    const s = await h.signedIn('psy-helen');
    const requests = watchRequests(s.page);
    await s.page.goto(tabUrl(h, '', `#/cases/${a.caseId}/formulation`));
    await sectionReady(s.page, a, 'formulation');
    await moveTo(s.page, b, 'formulation');
    await sectionReady(s.page, b, 'formulation');
    await requests.settled();
    await s.page.getByRole('combobox', { name: 'Timeline evidence for hypothesis 1' }).click();
    // Fluent's multiple-choice dropdown lists its choices as a menu of checkable items.
    const options = s.page.getByRole('menu').getByRole('menuitemcheckbox');
    await options.first().waitFor();
    const offered = await options.allInnerTexts();
    expect(offered).toHaveLength(b.entryIds.length);
    for (const o of offered) expect(o).toContain(b.tag);
    await s.context.close();
  });

  for (const section of SECTIONS) {
    it(`a late answer for the first case is never shown on the second's ${section} section`, async () => {
      const s = await h.signedIn('psy-helen');
      const requests = watchRequests(s.page);
      // Everything the first case's section asks for is held back until the second case is showing.
      const held: Route[] = [];
      let holding = true;
      await s.page.route(new RegExp(`/api/v1/cases/${a.caseId}/(?!events$)[^?]+`), (route) => (holding ? void held.push(route) : route.continue()));
      await s.page.goto(tabUrl(h, '', `#/cases/${a.caseId}/${section}`));
      await s.page.getByRole('heading', { level: 1, name: a.childName }).waitFor();
      await expect.poll(() => held.length, { timeout: SETTLE_MS }).toBeGreaterThan(0);

      await moveTo(s.page, b, section);
      await sectionReady(s.page, b, section);
      holding = false;
      await Promise.all(held.map((r) => r.continue()));
      await requests.settled();
      await showsOnly(s.page, b, a);
      await s.context.close();
    });
  }

  it("what was typed for one child stays with that child: drafts and filters are the case's own", async () => {
    const s = await h.signedIn('psy-helen');
    const requests = watchRequests(s.page);
    await s.page.goto(tabUrl(h, '', `#/cases/${a.caseId}/overview`));
    // A field typed into on the first child's page is empty on the second's.
    const fields: { section: Section; label: string; typed: string }[] = [
      { section: 'overview', label: "Your view of the young person's competence to agree (Gillick)", typed: 'Alder understood it well.' },
      { section: 'trm', label: 'Rationale', typed: 'Alder is settling.' },
      { section: 'meetings', label: 'Where (or leave empty for a Teams meeting)', typed: 'Alder house' },
    ];
    for (const { section, label, typed } of fields) {
      await moveTo(s.page, a, section);
      await sectionReady(s.page, a, section);
      await s.page.getByLabel(label).fill(typed);
      await moveTo(s.page, b, section);
      await sectionReady(s.page, b, section);
      await requests.settled();
      expect(await s.page.getByLabel(label).inputValue()).toBe('');
    }

    await moveTo(s.page, a, 'timeline');
    await sectionReady(s.page, a, 'timeline');
    await s.page.getByRole('combobox', { name: 'Category' }).click();
    await s.page.getByRole('menuitemcheckbox', { name: 'Education' }).click();
    await s.page.keyboard.press('Escape');
    await s.page.getByText(`3 of ${a.entryIds.length} entries shown`).waitFor();
    await moveTo(s.page, b, 'timeline');
    await sectionReady(s.page, b, 'timeline');
    await requests.settled();
    await showsOnly(s.page, b, a);

    // Back on the first child's page, what was typed for them is still theirs to finish.
    await moveTo(s.page, a, 'overview');
    await sectionReady(s.page, a, 'overview');
    expect(await s.page.getByLabel(fields[0]!.label).inputValue()).toBe(fields[0]!.typed);
    await s.context.close();
  });
});
