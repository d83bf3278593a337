import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../src/demo/people.js';
import { agreementGiven, referral } from '../support/factories.js';
import { startM365TestServer, type M365TestServer } from '../support/m365System.js';
import { cardOf, meetingChat, textOf } from '../bot/chat.js';

const person = (id: string) => DEMO_STAFF.find((s) => s.id === id)!;

/** Microsoft 365 mode's "done when": a meeting made in Teams with a join link and the ECM tab in its chat. */
describe('a formulation meeting in Microsoft 365 mode', () => {
  let t: M365TestServer;
  let caseId: string;
  let reference: string;
  beforeAll(async () => {
    t = await startM365TestServer();
    const amy = await t.apiAs('yjs-amy');
    const referred = await amy.post('/api/v1/cases', referral());
    caseId = referred.body.id;
    reference = referred.body.reference;
    for (const party of ['young_person', 'parent_carer'] as const) await amy.post(`/api/v1/cases/${caseId}/agreements`, agreementGiven(party));
  });
  afterAll(() => t.close());

  const graphEvents = () => [...t.m.graph.teams.events.values()].filter((e) => e.subject.includes(reference));

  it('becomes a Teams meeting on the organiser’s calendar, with a join link and the ECM tab in its chat', async () => {
    const helen = await t.apiAs('psy-helen');
    const made = await helen.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'formulation',
      startsAt: '2026-12-03T10:00:00Z',
      endsAt: '2026-12-03T12:00:00Z',
      attendeeIds: ['yjs-amy'],
    });
    expect(made.status).toBe(201);
    // The answer to the first create is lost after Graph made the event: the retry must not make a second one.
    t.m.graph.inject({ matches: (_n, call) => call.method === 'POST' && call.path.endsWith('/events'), fault: { kind: 'dropAfter' }, times: 1 });
    await t.system.worker.runOnce();
    t.clock.advance(60_000);
    await t.system.worker.runOnce();

    const events = graphEvents();
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.ownerId).toBe(person('psy-helen').aadObjectId);
    expect(event.subject).toBe(`ECM formulation meeting – ${reference}`);
    expect(event.subject).not.toContain('Jordan');
    expect(event.attendees.map((a) => a.address)).toEqual([person('yjs-amy').email]);
    expect(event.transactionId).toBe(made.body.id);

    const shown = await helen.get(`/api/v1/cases/${caseId}/meetings/${made.body.id}`);
    expect(shown.body.joinUrl).toBe(event.joinUrl);
    expect(shown.body.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    const chat = t.m.graph.teams.chats.get(event.chatId!)!;
    expect(chat.installedApps.size).toBe(1);
    expect(chat.tabs).toEqual([expect.objectContaining({ displayName: `ECM ${reference}`, configuration: expect.objectContaining({ entityId: caseId }) })]);
    // The meeting remembers its chat, so the bot knows the meeting when Teams says it started or ended.
    expect(event.chatId).toMatch(/^19:/);
    expect(shown.body.chatId).toBe(event.chatId);
  });

  it('the bot in the meeting’s chat asks for the outcome when the meeting ends, and records that it was held', async () => {
    const event = graphEvents()[0]!;
    const replies = await meetingChat(t, event.chatId!).end('2026-12-03T11:57:00Z');
    expect(textOf(cardOf(replies[0]))).toContain(`The meeting for ${reference} has ended`);
    const helen = await t.apiAs('psy-helen');
    const meeting = (await helen.get(`/api/v1/cases/${caseId}/meetings`)).body.items[0];
    expect(meeting.endedAt).toBe('2026-12-03T11:57:00.000Z');
  });

  it("reads the attendees' answers from the calendar", async () => {
    const event = graphEvents()[0]!;
    t.m.graph.teams.respond(event.id, person('yjs-amy').email, 'tentativelyAccepted');
    const got = await t.system.deps.calendar.get(
      event.id,
      { email: person('psy-helen').email, name: 'Helen', aadObjectId: person('psy-helen').aadObjectId },
      null,
    );
    expect(got?.responses).toEqual([{ email: person('yjs-amy').email, response: 'tentative' }]);
  });

  it('suggests times when everyone is free, asking Graph on behalf of the signed-in organiser', async () => {
    t.m.graph.teams.busyAt(person('yjs-amy').email, '2026-12-07T09:00:00Z', '2026-12-07T11:30:00Z');
    const before = t.m.entra.log.length;
    const helen = await t.apiAs('psy-helen');
    const res = await helen.post(`/api/v1/cases/${caseId}/meetings/suggestions`, {
      attendeeIds: ['yjs-amy'],
      from: '2026-12-07T08:00:00Z',
      to: '2026-12-08T08:00:00Z',
      durationMinutes: 60,
    });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({ start: '2026-12-07T11:30:00.000Z', end: '2026-12-07T12:30:00.000Z' });
    expect(res.body.items.every((s: { start: string }) => s.start >= '2026-12-07T11:30:00.000Z')).toBe(true);
    expect(t.m.entra.log.slice(before).map((l) => l.grantType)).toContain('urn:ietf:params:oauth:grant-type:jwt-bearer');
  });

  it('cancels the Teams meeting when the meeting is cancelled', async () => {
    const helen = await t.apiAs('psy-helen');
    const meeting = (await helen.get(`/api/v1/cases/${caseId}/meetings`)).body.items[0];
    const res = await helen.postWith(`/api/v1/cases/${caseId}/meetings/${meeting.id}/cancellation`, {}, { 'if-match': `"${meeting.version}"` });
    expect(res.status).toBe(200);
    await t.system.worker.runOnce();
    expect(graphEvents()[0]!.cancelled).toBe(true);
  });

  it('finds people to invite through Graph, including those who have never signed in, and audits the search', async () => {
    const oid = '00000000-0000-4000-8000-00000000d0c7';
    t.m.graph.teams.addUser({ id: oid, displayName: 'Dr Priya Shah', mail: 'priya.shah@health.example' });
    const sam = await t.apiAs('ecm-sam');
    const res = await sam.get('/api/v1/people?q=Dr');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: string; name: string; role: string }) => [p.name, p.id, p.role])).toEqual([
      ['Dr Helen Marsh', 'psy-helen', 'psychologist'],
      ['Dr Tom Reilly', 'psy-tom', 'psychologist'],
      ['Dr Priya Shah', `aad-${oid}`, 'partner'],
    ]);
    const searches = await t.system.deps.store.transaction(async (tx) =>
      (await tx.audit.read('system', 0, 10_000)).filter((e) => e.action === 'directory.searched'),
    );
    expect(searches.at(-1)).toMatchObject({ actorId: 'ecm-sam', detail: {} });
    expect((await (await t.apiAs('yjs-amy')).get('/api/v1/people?q=Dr')).status).toBe(403);
  });
});
