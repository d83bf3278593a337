import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rememberConversation } from '../../src/app/notifications/rememberConversation.js';
import { NOTIFY_KIND } from '../../src/app/notifications/notifyJob.js';
import type { OutboxJob } from '../../src/ports/outbox.js';
import { type FakeBotConnector, startFakeBotConnector } from '../support/fakeBotConnector.js';
import { startTestServer, TODAY, type TestServer } from '../support/testSystem.js';
import { CHILD_NAME, caseWithMeeting, staff, teamsUserOf } from './fixtures.js';
import { SLOW_TEST_MS } from '../support/patience.js';

/**
 * Proactive delivery through the outbox, the real botbuilder CloudAdapter and a local Bot
 * Connector that answers as Teams does.
 */
describe('delivering notifications to people in Teams', () => {
  let t: TestServer;
  let connector: FakeBotConnector;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
  });
  afterAll(() => connector.close());
  beforeEach(async () => {
    t = await startTestServer();
    connector.sent.length = 0;
    return () => t.close();
  });

  /** What the bot stores when the person installs the app in Teams. */
  async function installed(staffId: string) {
    const user = teamsUserOf(staffId);
    const conversationId = `a:chat-${staffId}-${Math.random().toString(36).slice(2)}`;
    connector.open(conversationId);
    await rememberConversation(t.system.deps, staff(staffId), {
      activityId: 'first-message',
      user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      bot: { id: '28:ecm-bot', name: 'ECM for Teams' },
      conversation: { id: conversationId, conversationType: 'personal', isGroup: false, tenantId: 'tenant' },
      channelId: 'msteams',
      locale: 'en-GB',
      serviceUrl: connector.url,
    });
    return conversationId;
  }

  const jobs = (recipient: string): Promise<OutboxJob[]> => t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: NOTIFY_KIND, recipient }, 100));
  const cardsTo = (conversationId: string) =>
    connector.sent.filter((s) => s.conversationId === conversationId).map((s) => JSON.stringify(s.activity.attachments?.[0]?.content ?? {}));

  it('an invitation arrives proactively in the partner’s chat, by reference only', async () => {
    const jo = await installed('police-jo');
    const { reference } = await caseWithMeeting(t);
    await t.system.worker.runOnce();
    const cards = cardsTo(jo);
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.includes('Formulation meeting'))).toContain(reference);
    expect(cards.join('')).toContain('Accept the terms');
    expect(cards.join('')).not.toContain(CHILD_NAME);
    expect((await jobs('police-jo')).map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('someone who never installed the app is shown as unreachable, and gets what waited when they install it', async () => {
    const { caseId } = await caseWithMeeting(t);
    await t.system.worker.runOnce();
    expect((await jobs('police-jo')).map((j) => j.status)).toEqual(['dead', 'dead']);
    const sam = await t.signIn('ecm-sam');
    const unreachable = await sam.get(`/api/v1/cases/${caseId}/unreachable`);
    expect(unreachable.status).toBe(200);
    expect(unreachable.body.items).toContainEqual({
      staffId: 'police-jo',
      name: 'PC Jo Harris',
      caseRole: 'partner',
      reason: 'app_not_installed',
      since: TODAY,
      undelivered: 2,
    });

    const dan = await t.signIn('yjs-dan');
    expect((await dan.get(`/api/v1/cases/${caseId}/unreachable`)).status).toBe(404);

    const jo = await installed('police-jo');
    await t.system.worker.runOnce();
    expect(cardsTo(jo)).toHaveLength(2);
    expect((await sam.get(`/api/v1/cases/${caseId}/unreachable`)).body.items.map((m: { staffId: string }) => m.staffId)).not.toContain('police-jo');
  });

  it('403 from a removed app marks the person unreachable once, without retrying', async () => {
    const jo = await installed('police-jo');
    connector.fail(jo, { status: 403, code: 'BotNotInConversationRoster' });
    const { caseId } = await caseWithMeeting(t);
    await t.system.worker.runOnce();
    expect(connector.requests(jo)).toBe(1);
    const joJobs = await jobs('police-jo');
    expect(joJobs.map((j) => [j.status, j.attempts])).toEqual([
      ['dead', 1],
      ['dead', 1],
    ]);
    const unreachable = await (await t.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}/unreachable`);
    expect(unreachable.body.items).toContainEqual(expect.objectContaining({ staffId: 'police-jo', reason: 'app_removed', undelivered: 2 }));
  });

  it('403 from a person who blocked the bot, and 404 for a chat that is gone, are permanent too', async () => {
    const jo = await installed('police-jo');
    const amy = await installed('yjs-amy');
    connector.fail(jo, { status: 403, code: 'ConversationBlockedByUser' });
    connector.fail(amy, { status: 404, code: 'ConversationNotFound' });
    await caseWithMeeting(t);
    await t.system.worker.runOnce();
    const reasons = await t.system.deps.store.transaction((tx) => tx.conversations.listUnreachable(['police-jo', 'yjs-amy']));
    expect(reasons.map((r) => [r.staffId, r.unreachable?.reason])).toEqual([
      ['police-jo', 'bot_blocked'],
      ['yjs-amy', 'conversation_not_found'],
    ]);
  });

  it(
    '429 waits as long as Teams asks, then delivers',
    async () => {
      const jo = await installed('police-jo');
      connector.fail(jo, { status: 429, code: 'Throttled', retryAfter: '1' });
      await caseWithMeeting(t);
      await t.system.worker.runOnce();
      const waiting = await jobs('police-jo');
      expect(waiting.map((j) => [j.status, j.attempts, j.nextAttemptAt])).toEqual([
        ['pending', 1, new Date(Date.parse(TODAY) + 1000).toISOString()],
        ['pending', 1, new Date(Date.parse(TODAY) + 1000).toISOString()],
      ]);
      connector.open(jo);
      t.clock.advance(1000);
      await t.system.worker.runOnce();
      expect((await jobs('police-jo')).map((j) => j.status)).toEqual(['done', 'done']);
    },
    SLOW_TEST_MS,
  );

  it('sends one person at most 10 a minute, and the rest later, none dropped', async () => {
    const sam = await installed('ecm-sam');
    const { caseId } = await caseWithMeeting(t);
    await t.system.deps.store.transaction(async (tx) => {
      for (let i = 0; i < 13; i++) {
        await tx.outbox.enqueue({
          id: `reminder-${i}`,
          now: TODAY,
          kind: NOTIFY_KIND,
          recipient: 'ecm-sam',
          caseId,
          serviceId: 'BRI',
          dedupeKey: `test-reminder-${i}`,
          payload: { kind: 'review.reminder', caseId, dueDate: `2026-12-${String(i + 1).padStart(2, '0')}`, overdue: false },
        });
      }
    });
    await t.system.worker.runOnce();
    expect(cardsTo(sam)).toHaveLength(10);
    const waiting = (await jobs('ecm-sam')).filter((j) => j.status === 'pending');
    expect(waiting).toHaveLength(3);
    expect(waiting.every((j) => j.attempts === 0 && j.nextAttemptAt === new Date(Date.parse(TODAY) + 60_000).toISOString())).toBe(true);

    t.clock.advance(30_000);
    await t.system.worker.runOnce();
    expect(cardsTo(sam)).toHaveLength(10);
    t.clock.advance(30_000);
    await t.system.worker.runOnce();
    expect(cardsTo(sam)).toHaveLength(13);
  });
});
