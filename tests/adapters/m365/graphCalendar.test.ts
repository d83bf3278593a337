import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCalendar } from '../../../src/adapters/m365/graphCalendar.js';
import { graphDirectory } from '../../../src/adapters/m365/graphDirectory.js';
import { staffDirectory } from '../../../src/adapters/local/staffDirectory.js';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import type { CalendarMeetingRequest, MeetingCalendar } from '../../../src/ports/meetingCalendar.js';
import { caseIdOfTabUrl } from '../../../src/contract/tabAddress.js';
import type { DirectoryUser } from '../../support/graph/teamsRoutes.js';
import { type M365Doubles, startM365Doubles } from '../../support/m365.js';

/** Teams meetings and the directory through Graph, against the double. */
describe('the Graph calendar', () => {
  let m: M365Doubles;
  let calendar: MeetingCalendar;
  let organiser: DirectoryUser;
  let attendee: DirectoryUser;
  let teamsAppId: string;
  const organiserPerson = () => ({ email: organiser.mail, name: organiser.displayName, aadObjectId: organiser.id });
  const request = (overrides: Partial<CalendarMeetingRequest> = {}): CalendarMeetingRequest => ({
    meetingId: randomUUID(),
    organiser: organiserPerson(),
    subject: 'ECM review meeting – BRI-2026-0042',
    startsAt: '2026-12-08T10:00:00.000Z',
    endsAt: '2026-12-08T11:30:00.000Z',
    attendees: [{ email: attendee.mail, name: attendee.displayName, aadObjectId: attendee.id }],
    ...overrides,
  });
  const sso = (u: DirectoryUser) => m.entra.ssoToken(m.clientId, { oid: u.id, name: u.displayName, preferred_username: u.mail, roles: ['ECM.Psychologist'] });

  beforeAll(async () => {
    m = await startM365Doubles();
    organiser = m.graph.teams.addUser({ displayName: 'Dr Helen Marsh', mail: 'helen@contoso.example' });
    attendee = m.graph.teams.addUser({ displayName: 'Amy Clarke', mail: 'amy@contoso.example' });
    teamsAppId = randomUUID();
    m.graph.teams.publishApp(teamsAppId, 'ECM for Teams');
    calendar = graphCalendar({ app: m.app, settings: m.settings(), appGraph: m.appGraph(), teamsAppId, publicBaseUrl: 'https://ecm.contoso.example' });
  });
  afterAll(() => m.close());

  it('creates a Teams online meeting with the attendees, and a retried create returns the same meeting', async () => {
    const r = request();
    const made = await calendar.create(r, null);
    expect(made.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(made.responses).toEqual([{ email: attendee.mail, response: 'none' }]);
    expect((await calendar.create(r, null)).externalId).toBe(made.externalId);
    expect([...m.graph.teams.events.values()].filter((e) => e.transactionId === r.meetingId)).toHaveLength(1);
  });

  it('moves a meeting and changes who is invited, keeping the answers of those still invited', async () => {
    const r = request();
    const made = await calendar.create(r, null);
    m.graph.teams.respond(made.externalId, attendee.mail, 'accepted');
    const newcomer = m.graph.teams.addUser({ displayName: 'PC Jo Harris', mail: 'jo@police.example' });
    const moved = await calendar.update(
      made.externalId,
      {
        ...r,
        startsAt: '2026-12-09T14:00:00.000Z',
        endsAt: '2026-12-09T15:00:00.000Z',
        attendees: [...r.attendees, { email: newcomer.mail, name: newcomer.displayName }],
      },
      null,
    );
    expect(moved.responses).toEqual([
      { email: attendee.mail, response: 'accepted' },
      { email: newcomer.mail, response: 'none' },
    ]);
    expect(m.graph.teams.events.get(made.externalId)!.start).toBe('2026-12-09T14:00:00.000Z');
  });

  it('cancels a meeting, after which it is gone, and cancelling again is harmless', async () => {
    const made = await calendar.create(request(), null);
    await calendar.cancel(made.externalId, organiserPerson(), null);
    expect(await calendar.get(made.externalId, organiserPerson(), null)).toBeNull();
    await calendar.cancel(made.externalId, organiserPerson(), null);
  });

  it('acts for the signed-in organiser through On-Behalf-Of, on their own calendar', async () => {
    const before = m.entra.log.length;
    const made = await calendar.create(request(), await sso(organiser));
    expect(m.graph.teams.events.get(made.externalId)!.ownerId).toBe(organiser.id);
    expect(m.entra.log.slice(before).map((l) => l.grantType)).toContain('urn:ietf:params:oauth:grant-type:jwt-bearer');
  });

  it('says plainly when the person has not consented to what is asked for them (no retry can help)', async () => {
    const made = await calendar.create(request(), null);
    const joinUrl = made.joinUrl!;
    const error = await calendar
      .addTabToMeetingChat(joinUrl, organiserPerson(), { caseId: randomUUID(), caseReference: 'BRI-2026-0042' }, await sso(organiser))
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'invalid_grant', permanent: true });
  });

  it('finds the meeting chat from the join link and adds the ECM tab once, however often asked', async () => {
    const made = await calendar.create(request(), null);
    const tab = { caseId: randomUUID(), caseReference: 'BRI-2026-0042' };
    const first = await calendar.addTabToMeetingChat(made.joinUrl!, organiserPerson(), tab, null);
    const again = await calendar.addTabToMeetingChat(made.joinUrl!, organiserPerson(), tab, null);
    expect(again).toEqual(first);
    const chat = m.graph.teams.chats.get(first!.chatId)!;
    expect(chat.tabs).toHaveLength(1);
    expect(chat.tabs[0]).toMatchObject({
      displayName: 'ECM BRI-2026-0042',
      configuration: { entityId: tab.caseId, contentUrl: `https://ecm.contoso.example/tab/?caseId=${tab.caseId}` },
    });
    // The tab in the meeting chat is the one the settings page would have saved: it opens that case.
    const saved = new URL(String(chat.tabs[0]!.configuration.contentUrl));
    expect(caseIdOfTabUrl(saved.search)).toBe(tab.caseId);
  });

  it('adds no tab when the Teams app is not in the organisation catalogue, and says why', async () => {
    const unpublished = graphCalendar({
      app: m.app,
      settings: m.settings(),
      appGraph: m.appGraph(),
      teamsAppId: randomUUID(),
      publicBaseUrl: 'https://ecm.contoso.example',
    });
    const made = await unpublished.create(request(), null);
    const error = await unpublished
      .addTabToMeetingChat(made.joinUrl!, organiserPerson(), { caseId: randomUUID(), caseReference: 'BRI-2026-0042' }, null)
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'app_not_published', permanent: true });
  });

  it('suggests weekday working-hour slots when everyone is free, from getSchedule', async () => {
    m.graph.teams.busyAt(attendee.mail, '2026-12-14T09:00:00Z', '2026-12-14T13:00:00Z');
    m.graph.teams.busyAt(organiser.mail, '2026-12-14T13:00:00Z', '2026-12-14T14:00:00Z');
    const slots = await calendar.suggestTimes(
      [organiserPerson(), { email: attendee.mail, name: attendee.displayName }],
      '2026-12-12T00:00:00Z',
      '2026-12-15T00:00:00Z',
      90,
      null,
    );
    // 12th and 13th December 2026 are a weekend; on the 14th both are free from 14:00.
    expect(slots[0]).toEqual({ start: '2026-12-14T14:00:00.000Z', end: '2026-12-14T15:30:00.000Z' });
    expect(slots.every((s) => s.end <= '2026-12-14T17:00:00.000Z')).toBe(true);
  });
});

describe('the directory', () => {
  let m: M365Doubles;
  beforeAll(async () => {
    m = await startM365Doubles();
    m.graph.teams.addUser({ displayName: "Siobhan O'Neill", mail: 'siobhan@contoso.example', jobTitle: 'Social worker' });
    m.graph.teams.addUser({ displayName: 'Sam Okafor', mail: 'sam@contoso.example' });
  });
  afterAll(() => m.close());

  it('finds people in Entra ID by the start of their name or email, apostrophes and all', async () => {
    const directory = graphDirectory(m.appGraph());
    expect((await directory.search("Siobhan O'N", 10)).map((p) => [p.name, p.jobTitle])).toEqual([["Siobhan O'Neill", 'Social worker']]);
    expect((await directory.search('sam@', 10)).map((p) => p.email)).toEqual(['sam@contoso.example']);
    const sam = (await directory.get('sam@contoso.example'))!;
    expect(sam.aadObjectId).toBe(sam.id);
    expect(await directory.get('nobody@contoso.example')).toBeNull();
  });

  it('in local mode, finds people in the staff list', async () => {
    const store = await openSqliteStore({ dataDir: ':memory:' });
    await store.transaction((tx) =>
      tx.staff.upsert({
        id: 'ecm-sam',
        name: 'Sam Okafor',
        email: 'sam@ecm.example',
        role: 'ecm_practitioner',
        serviceIds: ['BRI'],
        agency: 'ecm_team',
        aadObjectId: null,
      }),
    );
    const directory = staffDirectory(store);
    expect((await directory.search('okafor', 5)).map((p) => p.id)).toEqual(['ecm-sam']);
    expect((await directory.get('SAM@ecm.example'))?.id).toBe('ecm-sam');
    await store.close();
  });
});
