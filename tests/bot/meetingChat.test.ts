import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../src/domain/audit.js';
import { createLogger } from '../../src/lib/logger.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { cardOf, links, meetingChat, textOf } from './chat.js';
import { CHILD_NAME, caseWithMeetingChat, meetingChatId } from './fixtures.js';
import { PATIENCE_MS } from '../support/patience.js';

/** The bot in a case meeting's Teams chat, through botbuilder's TestAdapter, the real handler and the real use cases. */
describe('the bot in a case meeting’s chat', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const meetingOf = (caseId: string, meetingId: string) => t.system.deps.store.transaction((tx) => tx.meetings.get(caseId, meetingId));
  const auditOf = async (caseId: string): Promise<AuditEvent[]> =>
    t.system.deps.store.transaction(async (tx) => (await tx.audit.read('BRI', 0, 10_000)).filter((e) => e.caseId === caseId));

  it('says the meeting has started, by case reference, with the way to the case timeline', async () => {
    const { caseId, meetingId, reference } = await caseWithMeetingChat(t, meetingChatId(1));
    const replies = await meetingChat(t, meetingChatId(1)).start('2026-12-08T10:01:00Z');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.conversation?.id).toBe(meetingChatId(1));
    const json = textOf(cardOf(replies[0]));
    expect(json).toContain(`ECM formulation meeting for ${reference} has started`);
    expect(json).toContain(JSON.stringify(links.timeline(caseId)).slice(1, -1));
    expect(json).not.toContain(CHILD_NAME);
    expect((await meetingOf(caseId, meetingId))?.startedAt).toBe('2026-12-08T10:01:00.000Z');
  });

  it('when it ends, asks for the outcome and records once that the meeting was held, however often Teams says so', async () => {
    const { caseId, meetingId, reference } = await caseWithMeetingChat(t, meetingChatId(2));
    const before = await meetingOf(caseId, meetingId);
    // On PostgreSQL the bus delivers through NOTIFY, after the write returns: the set-up's own
    // events may still be on their way, so only what happens from here on counts.
    const from = (await t.system.deps.store.transaction((tx) => tx.caseEvents.since(caseId, 0, 10_000))).at(-1)?.seq ?? 0;
    const watched: string[] = [];
    const unsubscribe = t.system.deps.bus.subscribe(caseId, (e) => {
      if (e.seq > from) watched.push(e.type);
    });
    const chat = meetingChat(t, meetingChatId(2));

    const first = await chat.end('2026-12-08T11:52:00Z');
    const again = await chat.end('2026-12-08T11:52:00Z');
    await vi.waitFor(() => expect(watched).toEqual(['meeting.updated']), { timeout: PATIENCE_MS });
    unsubscribe();

    expect(first).toHaveLength(1);
    const json = textOf(cardOf(first[0]));
    expect(json).toContain(`The meeting for ${reference} has ended: record the outcomes and the next review date`);
    expect(json).toContain(JSON.stringify(links.meeting(caseId, meetingId)).slice(1, -1));
    expect(again).toEqual([]);
    const after = await meetingOf(caseId, meetingId);
    // The version stays, so an outcome form someone opened during the meeting still saves.
    expect(after).toMatchObject({ endedAt: '2026-12-08T11:52:00.000Z', status: 'scheduled', version: before!.version });
    expect(watched).toEqual(['meeting.updated']);
    expect((await auditOf(caseId)).filter((e) => e.action === 'meeting.teams.ended')).toEqual([
      expect.objectContaining({ actorId: 'system', detail: expect.objectContaining({ reference, meetingId }) }),
    ]);
  });

  it('says the start once when Teams sends it twice', async () => {
    const { caseId } = await caseWithMeetingChat(t, meetingChatId(3));
    const chat = meetingChat(t, meetingChatId(3));
    expect(await chat.start('2026-12-08T10:00:00Z')).toHaveLength(1);
    expect(await chat.start('2026-12-08T10:00:00Z')).toEqual([]);
    expect((await auditOf(caseId)).filter((e) => e.action === 'meeting.teams.started')).toHaveLength(1);
  });

  it('says nothing, and records nothing, in a meeting chat that is not an ECM meeting', async () => {
    const { caseId, meetingId } = await caseWithMeetingChat(t, meetingChatId(4));
    const before = await meetingOf(caseId, meetingId);
    const logs: string[] = [];
    const other = meetingChat(
      t,
      '19:meeting_someone-elses-meeting@thread.v2',
      createLogger('info', (line) => logs.push(line)),
    );
    expect(await other.start('2026-12-08T10:00:00Z')).toEqual([]);
    expect(await other.end('2026-12-08T11:00:00Z')).toEqual([]);
    expect(await meetingOf(caseId, meetingId)).toEqual(before);
    // Someone else's meeting: the log says only that it happened, and keeps none of its ids.
    expect(logs.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'info', event: 'start', conversation: true }),
      expect.objectContaining({ level: 'info', event: 'end', conversation: true }),
    ]);
    expect(logs.join()).not.toMatch(/someone-elses|MCMxOTptZWV0aW5n|meetup-join/);
  });

  it('an event without a readable time changes nothing', async () => {
    const { caseId, meetingId } = await caseWithMeetingChat(t, meetingChatId(5));
    expect(await meetingChat(t, meetingChatId(5)).end('not a time')).toEqual([]);
    expect((await meetingOf(caseId, meetingId))?.endedAt).toBeNull();
  });
});
