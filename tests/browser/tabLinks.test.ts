import { randomUUID } from 'node:crypto';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TabLinks, tabLinks } from '../../bot/links.js';
import { graphCalendar } from '../../src/adapters/m365/graphCalendar.js';
import { prepareManifest } from '../../src/teamsApp/appPackage.js';
import { whyTabCannotOpen } from '../support/manifestFacts.js';
import { tabRoutes } from '../../src/contract/tabAddress.js';
import { REPO_ROOT } from '../support/appPackageRoot.js';
import { type M365Doubles, startM365Doubles } from '../support/m365.js';
import { richCase } from './fixtures.js';
import { ARTIFACTS, type Harness, newContext, startHarness } from './harness.js';
import { openInTeams, type TeamsContext } from './teamsHost.js';

/**
 * Every way into the tab, opened as a person would: the bot's deep links (in Teams) and browser
 * links (outside it), the content URL the settings page saves, and the tab the calendar adds to a
 * meeting chat. Each must land on the right case and view.
 */
describe('links into the tab', () => {
  let h: Harness;
  let manifest: Record<string, any>;
  let caseId: string;
  let reference: string;
  let meetingId: string;
  beforeAll(async () => {
    h = await startHarness();
    const host = new URL(h.server.url).host;
    // The app package as it would be built for a server at this address.
    manifest = (
      await prepareManifest('playground', {
        root: REPO_ROOT,
        processEnv: { TAB_ENDPOINT: h.server.url, TAB_DOMAIN: host, PUBLIC_BASE_URL: h.server.url, BOT_ENDPOINT: h.server.url },
        standInForMinted: true,
      })
    ).manifest;
    caseId = (await richCase(h)).caseId;
    const sam = await h.server.signIn('ecm-sam');
    reference = (await sam.get(`/api/v1/cases/${caseId}`)).body.reference;
    meetingId = (await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items[0].id;
  });
  afterAll(() => h?.close());

  const personalTab = () => manifest.staticTabs[0] as { entityId: string; contentUrl: string };

  /** A browser with no dev sign-in: inside the Teams stand-in the tab's only credential is the host's SSO token. */
  async function inTeamsAs(staffId: string) {
    const api = await h.server.signIn(staffId);
    const context = await newContext(h.browser);
    return { context, page: await context.newPage(), token: api.token };
  }

  /** What a link must show: the case's page with this section selected (and the scheduler, ready and focused, or the meeting opened). */
  async function expectCaseView(frame: Frame | Page, section: string, schedule?: string, meeting?: boolean) {
    await frame.getByRole('heading', { level: 1, name: /Riley Fixture/ }).waitFor();
    await expect.poll(() => frame.getByRole('tab', { name: section }).getAttribute('aria-selected')).toBe('true');
    if (meeting) await frame.getByRole('region', { name: 'Meeting details' }).waitFor();
    if (schedule) {
      await frame.getByRole('heading', { name: 'Schedule a meeting' }).waitFor();
      // The form for a meeting already held has its own Kind: the link opens the scheduler's.
      const scheduler = frame.getByRole('form', { name: 'Schedule a meeting' });
      await expect.poll(() => scheduler.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe(schedule);
      await expect.poll(() => frame.evaluate('document.activeElement?.textContent')).toBe('Schedule a meeting');
    }
  }

  const kinds: { kind: string; link: (l: TabLinks) => string; route: () => string; section: string; schedule?: string; meeting?: boolean }[] = [
    { kind: 'case', link: (l) => l.case(caseId), route: () => tabRoutes.case(caseId), section: 'Overview' },
    { kind: 'timeline', link: (l) => l.timeline(caseId), route: () => tabRoutes.section(caseId, 'timeline'), section: 'Life timeline' },
    {
      kind: 'meeting that ended',
      link: (l) => l.meeting(caseId, meetingId),
      route: () => tabRoutes.meeting(caseId, meetingId),
      section: 'Meetings',
      meeting: true,
    },
    { kind: 'formulation', link: (l) => l.formulation(caseId), route: () => tabRoutes.formulation(caseId), section: 'Formulation' },
    {
      kind: 'review scheduler',
      link: (l) => l.scheduler(caseId, 'review'),
      route: () => tabRoutes.scheduler(caseId, 'review'),
      section: 'Meetings',
      schedule: 'review',
    },
    {
      kind: 'formulation meeting scheduler',
      link: (l) => l.scheduler(caseId, 'formulation'),
      route: () => tabRoutes.scheduler(caseId, 'formulation'),
      section: 'Meetings',
      schedule: 'formulation',
    },
  ];

  it.each(kinds)('a bot deep link to the $kind opens the personal tab there in Teams', async ({ link, route, section, schedule, meeting }) => {
    const deepLink = new URL(link(tabLinks({ teamsAppId: manifest.id, publicBaseUrl: h.server.url })));
    // Teams opens the app's static tab named in the link, and hands the tab the link's subEntityId.
    expect(deepLink.pathname).toBe(`/l/entity/${manifest.id}/${personalTab().entityId}`);
    const { subEntityId } = JSON.parse(deepLink.searchParams.get('context')!) as { subEntityId: string };
    expect(subEntityId).toBe(route());

    const s = await inTeamsAs('ecm-sam');
    const context: TeamsContext = { frameContext: 'content', entityId: personalTab().entityId, subEntityId };
    const teams = await openInTeams(s.page, h.server.url, personalTab().contentUrl, context, s.token);
    await expectCaseView(teams.tab, section, schedule, meeting);
    expect(teams.tab.url()).toContain(`#/${subEntityId}`);
    await s.context.close();
  });

  it.each(kinds)(
    'a bot link to the $kind opens the tab there in a browser, when there is no Teams app id',
    async ({ link, route, section, schedule, meeting }) => {
      const browserLink = link(tabLinks({ teamsAppId: undefined, publicBaseUrl: h.server.url }));
      expect(browserLink).toBe(`${h.server.url}/tab/#/${route()}`);
      const s = await h.signedIn('ecm-sam');
      await s.page.goto(browserLink);
      await expectCaseView(s.page, section, schedule, meeting);
      await s.context.close();
    },
  );

  it('the personal tab without a deep link opens the caseload', async () => {
    const s = await inTeamsAs('ecm-sam');
    const teams = await openInTeams(s.page, h.server.url, personalTab().contentUrl, { frameContext: 'content', entityId: personalTab().entityId }, s.token);
    await teams.tab.getByRole('table', { name: 'My cases' }).waitFor();
    await s.context.close();
  });

  it('the settings page saves a content URL Teams can open, which opens the case in the chat, the side panel and the stage', async () => {
    const s = await inTeamsAs('yjs-amy');
    const settingsUrl = manifest.configurableTabs[0].configurationUrl as string;
    const teams = await openInTeams(s.page, h.server.url, settingsUrl, { frameContext: 'settings', meetingId: 'm-1', chatId: '19:meeting@thread.v2' }, s.token);
    await teams.tab.getByRole('heading', { name: 'Add ECM to this conversation' }).waitFor();
    await teams.tab.getByRole('combobox', { name: 'Which case?' }).selectOption({ label: reference });
    await expect.poll(async () => (await teams.calls()).filter((c) => c.func === 'settings.setValidityState').at(-1)?.args).toEqual([true]);
    await teams.pressSave();
    await expect.poll(async () => (await teams.calls()).map((c) => c.func)).toContain('settings.save.success');

    const saved = (await teams.calls()).find((c) => c.func === 'settings.setSettings')!.args[0] as Record<string, string>;
    expect(saved).toEqual({ entityId: caseId, contentUrl: saved.contentUrl, websiteUrl: saved.contentUrl, suggestedDisplayName: `ECM ${reference}` });
    expect(whyTabCannotOpen(saved.contentUrl!, manifest)).toEqual([]);
    expect(JSON.stringify(saved)).not.toContain('Riley');
    await s.page.screenshot({ path: `${ARTIFACTS}/links-settings.png` });
    await s.context.close();

    await expectConfiguredTab(saved.contentUrl!, 'links-settings');
  });

  it('the tab the calendar adds to a meeting chat opens its case in the chat, the side panel and the stage', async () => {
    const m: M365Doubles = await startM365Doubles();
    try {
      const organiser = m.graph.teams.addUser({ displayName: 'Sam Okafor', mail: 'sam@contoso.example' });
      const teamsAppId = randomUUID();
      m.graph.teams.publishApp(teamsAppId, 'ECM for Teams');
      const calendar = graphCalendar({ app: m.app, settings: m.settings(), appGraph: m.appGraph(), teamsAppId, publicBaseUrl: h.server.url });
      const person = { email: organiser.mail, name: organiser.displayName, aadObjectId: organiser.id };
      const made = await calendar.create(
        {
          meetingId: randomUUID(),
          organiser: person,
          subject: `ECM review meeting – ${reference}`,
          startsAt: '2026-12-10T10:00:00Z',
          endsAt: '2026-12-10T11:00:00Z',
          attendees: [],
        },
        null,
      );
      const added = await calendar.addTabToMeetingChat(made.joinUrl!, person, { caseId, caseReference: reference }, null);
      const tab = m.graph.teams.chats.get(added!.chatId)!.tabs[0]!;
      expect(tab.configuration.entityId).toBe(caseId);
      const contentUrl = String(tab.configuration.contentUrl);
      expect(whyTabCannotOpen(contentUrl, manifest)).toEqual([]);
      await expectConfiguredTab(contentUrl, 'links-meeting-chat');
    } finally {
      await m.close();
    }
  });

  /** A configured tab for the case, in each place Teams shows one in a meeting. */
  async function expectConfiguredTab(contentUrl: string, shot: string) {
    const s = await inTeamsAs('police-jo');
    const inChat = await openInTeams(s.page, h.server.url, contentUrl, { frameContext: 'content', entityId: caseId, chatId: '19:meeting@thread.v2' }, s.token);
    await inChat.tab.getByRole('heading', { level: 1, name: new RegExp(`Riley Fixture|${reference}`) }).waitFor();
    await expect.poll(() => inChat.tab.getByRole('tab', { name: 'Life timeline' }).getAttribute('aria-selected')).toBe('true');
    await s.page.screenshot({ path: `${ARTIFACTS}/${shot}-chat.png` });

    const panel = await openInTeams(s.page, h.server.url, contentUrl, { frameContext: 'sidePanel', entityId: caseId, meetingId: 'm-1' }, s.token);
    await panel.tab.getByRole('heading', { level: 1, name: reference }).waitFor();

    const stage = await openInTeams(s.page, h.server.url, contentUrl, { frameContext: 'meetingStage', entityId: caseId, meetingId: 'm-1' }, s.token);
    expect((await stage.calls()).map((c) => c.func)).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));
    await stage.tab.getByRole('heading', { level: 1, name: `Life timeline · ${reference}` }).waitFor();
    await s.context.close();
  }
});
