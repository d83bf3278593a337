import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_KIND } from '../../../src/app/notifications/notifyJob.js';
import { rememberConversation } from '../../../src/app/notifications/rememberConversation.js';
import { compose } from '../../../src/composition.js';
import { addDays, addMonths, addYears } from '../../../src/domain/dates.js';
import { runReminderScans } from '../../../src/jobs/reviewReminders.js';
import { silentLogger } from '../../../src/lib/logger.js';
import { staff, teamsUserOf } from '../../bot/fixtures.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../support/fakeBotConnector.js';
import { activeCase } from '../../support/factories.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../../support/testSystem.js';

const today = TODAY.slice(0, 10);
/** Born so that the 18th birthday falls `days` from today. */
const eighteenIn = (days: number) => addYears(addDays(today, days), -18);

/**
 * Amy Clarke holds three cases: a young person turning 18 in four months, one turning 18 in a year,
 * and one turning 18 in three months who already has a transition plan. The reminder scan runs as
 * the server runs it; the outbox delivers through the real bot to a local Bot Connector.
 */
describe('reminding the case holder that a transition plan is due', () => {
  let t: TestServer;
  let connector: FakeBotConnector;
  let amy: Api;
  const amyChat = 'a:chat-yjs-amy';
  const cases: Record<'soon' | 'later' | 'planned', { id: string; reference: string; dateOfBirth: string }> = {} as never;

  const remindersQueued = async () =>
    (await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: NOTIFY_KIND, recipient: 'yjs-amy' }, 100))).filter(
      (j) => (j.payload as { kind: string }).kind === 'transition.due',
    );
  const cardsToAmy = () =>
    connector.sent
      .filter((s) => s.conversationId === amyChat)
      .map((s) => JSON.stringify(s.activity.attachments?.[0]?.content ?? {}))
      .filter((c) => c.includes('Moving on to adult services'));

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    t = await startTestServer();
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
    amy = await t.signIn('yjs-amy');
    for (const [key, days] of [
      ['soon', 120],
      ['later', 365],
      ['planned', 90],
    ] as const) {
      const dateOfBirth = eighteenIn(days);
      const id = await activeCase(amy, { childDateOfBirth: dateOfBirth, childName: `Robin Transition${key}` });
      cases[key] = { id, reference: (await amy.get(`/api/v1/cases/${id}`)).body.reference, dateOfBirth };
    }
    const written = await amy.put(
      `/api/v1/cases/${cases.planned.id}/transition-plan`,
      { joining: [{ service: 'probation', joinBy: addMonths(today, 2) }], relationships: [] },
      { 'if-match': '"0"' },
    );
    expect(written.status).toBe(200);
    await t.system.worker.runOnce();
  });
  afterAll(async () => {
    await t.close();
    await connector.close();
  });

  it('reminds the case holder once, for the young person turning 18 within six months with no plan, by case reference and without the date', async () => {
    // Two instances over the same database scan at once: the dedupe key sends one reminder.
    const shared = { ...t.system.deps.store, close: async () => {} };
    const other = await compose(t.system.config, { clock: t.clock, logger: silentLogger, store: shared, startWorker: false, seedDemoCases: false });
    try {
      await Promise.all([runReminderScans(t.system.deps, silentLogger), runReminderScans(other.deps, silentLogger)]);
    } finally {
      await other.stop();
    }
    await t.system.worker.runOnce();
    expect((await remindersQueued()).map((j) => [j.payload, j.status])).toEqual([[{ kind: 'transition.due', caseId: cases.soon.id }, 'done']]);
    const [card, ...more] = cardsToAmy();
    expect(more).toEqual([]);
    expect(card).toContain(cases.soon.reference);
    expect(card).toContain('within six months');
    expect(card).toContain(`#/cases/${cases.soon.id}/transition`);
    // Neither the name nor any form of the birthday: its month would tell the month of birth.
    expect(card).not.toContain('Robin');
    const birthday = addYears(cases.soon.dateOfBirth, 18);
    for (const told of [cases.soon.dateOfBirth, birthday, birthday.slice(0, 7)]) expect(card).not.toContain(told);
  });

  it('does not remind again on later scans, nor after the plan is written', async () => {
    await runReminderScans(t.system.deps, silentLogger);
    await amy.put(
      `/api/v1/cases/${cases.soon.id}/transition-plan`,
      { joining: [{ service: 'personal_adviser', detail: 'Leaving care team', joinBy: addMonths(today, 1) }], relationships: [] },
      { 'if-match': '"0"' },
    );
    await runReminderScans(t.system.deps, silentLogger);
    await t.system.worker.runOnce();
    expect(await remindersQueued()).toHaveLength(1);
    expect(cardsToAmy()).toHaveLength(1);
  });

  it('reminds when a young person comes within six months of turning 18, and the audit trail records it by reference', async () => {
    t.clock.set(`${addDays(addYears(cases.later.dateOfBirth, 18), -170)}T09:00:00.000Z`);
    try {
      await runReminderScans(t.system.deps, silentLogger);
    } finally {
      t.clock.set(TODAY);
    }
    expect((await remindersQueued()).map((j) => (j.payload as { caseId: string }).caseId).sort()).toEqual([cases.soon.id, cases.later.id].sort());
    const audit = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 1000));
    const queued = audit.filter((e) => e.action === 'transition.reminder.queued');
    expect(queued.map((e) => e.detail)).toEqual([
      { reference: cases.soon.reference, recipient: 'yjs-amy' },
      { reference: cases.later.reference, recipient: 'yjs-amy' },
    ]);
  });
});
