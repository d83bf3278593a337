import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberConversation } from '../../../src/app/notifications/rememberConversation.js';
import { NOTIFY_KIND } from '../../../src/app/notifications/notifyJob.js';
import { compose } from '../../../src/composition.js';
import { runReminderScans } from '../../../src/jobs/reviewReminders.js';
import { silentLogger } from '../../../src/lib/logger.js';
import { actionOwnedBy, CHILD_NAME, caseWithMeeting, staff, teamsUserOf } from '../../bot/fixtures.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../support/fakeBotConnector.js';
import { startTestServer, TODAY, type TestServer } from '../../support/testSystem.js';

const at = (date: string) => `${date}T09:00:00.000Z`;

/**
 * Amy Clarke owns the first action of a case's plan, due by 2026-12-18. The reminder scan runs as
 * the server runs it, and the outbox delivers through the real bot to a local Bot Connector.
 */
describe('reminding an owner when an action falls due', () => {
  let t: TestServer;
  let connector: FakeBotConnector;
  let amyChat: string;
  let caseId: string;
  let reference: string;

  const remindersQueued = async (recipient: string) =>
    (await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: NOTIFY_KIND, recipient }, 100))).filter(
      (j) => (j.payload as { kind: string }).kind === 'action.due',
    );
  const cardsToAmy = () => connector.sent.filter((s) => s.conversationId === amyChat).map((s) => JSON.stringify(s.activity.attachments?.[0]?.content ?? {}));
  const scan = async (date: string) => {
    t.clock.set(at(date));
    await runReminderScans(t.system.deps, silentLogger);
    await t.system.worker.runOnce();
  };
  async function change(as: string, id: string, body: Record<string, unknown>) {
    const api = await t.signIn(as);
    const [action] = (await api.get(`/api/v1/cases/${id}/actions`)).body.items as { id: string; version: number }[];
    const res = await api.patch(`/api/v1/cases/${id}/actions/${action!.id}`, body, { 'if-match': `"${action!.version}"` });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  }

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    t = await startTestServer();
    amyChat = 'a:chat-yjs-amy';
    connector.open(amyChat);
    const user = teamsUserOf('yjs-amy');
    await rememberConversation(t.system.deps, staff('yjs-amy'), {
      activityId: 'first-message',
      user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      bot: { id: '28:ecm-bot', name: 'ECM for Teams' },
      conversation: { id: amyChat, conversationType: 'personal', isGroup: false, tenantId: 'tenant' },
      channelId: 'msteams',
      locale: 'en-GB',
      serviceUrl: connector.url,
    });
    ({ caseId, reference } = await caseWithMeeting(t));
    await actionOwnedBy(t, caseId, 'yjs-amy', '2026-12-18');
  });
  afterAll(async () => {
    t.clock.set(TODAY);
    await t.close();
    await connector.close();
  });

  it('sends nothing before the day', async () => {
    await scan('2026-12-17');
    expect(await remindersQueued('yjs-amy')).toEqual([]);
    expect(cardsToAmy().filter((c) => c.includes('Action due'))).toEqual([]);
  });

  it('reminds the owner once on the day, by case reference and place in the plan only, even when two instances scan at once', async () => {
    t.clock.set(at('2026-12-18'));
    // A second instance over the same database; stopping it leaves the database to the first.
    const shared = { ...t.system.deps.store, close: async () => {} };
    const other = await compose(t.system.config, { clock: t.clock, logger: silentLogger, store: shared, startWorker: false, seedDemoCases: false });
    try {
      await Promise.all([runReminderScans(t.system.deps, silentLogger), runReminderScans(other.deps, silentLogger)]);
    } finally {
      await other.stop();
    }
    await t.system.worker.runOnce();
    expect((await remindersQueued('yjs-amy')).map((j) => [j.payload, j.status])).toEqual([
      [expect.objectContaining({ kind: 'action.due', caseId, sequence: 1, dueBy: '2026-12-18' }), 'done'],
    ]);
    const [card] = cardsToAmy().filter((c) => c.includes('Action due'));
    expect(card).toContain(`Action due: ${reference}`);
    expect(card).toContain('1 of the plan');
    expect(card).toContain(`#/cases/${caseId}/actions`);
    expect(card).not.toContain(CHILD_NAME);
    expect(card).not.toContain('key worker');
  });

  it('does not remind again on later days, after a restart, until the date moves', async () => {
    await scan('2026-12-21');
    expect(await remindersQueued('yjs-amy')).toHaveLength(1);
    await change('ecm-sam', caseId, { dueBy: '2027-01-08' });
    await scan('2027-01-08');
    expect((await remindersQueued('yjs-amy')).map((j) => (j.payload as { dueBy: string }).dueBy).sort()).toEqual(['2026-12-18', '2027-01-08']);
  });

  it('does not remind of a finished action', async () => {
    await change('ecm-sam', caseId, { dueBy: '2027-01-15' });
    await change('yjs-amy', caseId, { status: 'done' });
    await scan('2027-01-16');
    expect(await remindersQueued('yjs-amy')).toHaveLength(2);
  });

  it('reminds nobody of an action an agency holds', async () => {
    t.clock.set(TODAY);
    const other = await caseWithMeeting(t);
    await actionOwnedBy(t, other.caseId, 'yjs-amy', '2027-02-01');
    await change('ecm-sam', other.caseId, { ownerId: null, ownerAgency: 'police' });
    await scan('2027-02-02');
    const all = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: NOTIFY_KIND, caseId: other.caseId }, 100));
    expect(all.filter((j) => (j.payload as { kind: string }).kind === 'action.due')).toEqual([]);
  });
});
