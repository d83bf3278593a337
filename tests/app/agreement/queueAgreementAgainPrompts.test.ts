import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueAgreementAgainPrompts } from '../../../src/app/agreement/queueAgreementAgainPrompts.js';
import { NOTIFY_KIND } from '../../../src/app/notifications/notifyJob.js';
import { rememberConversation } from '../../../src/app/notifications/rememberConversation.js';
import { addDays, addYears } from '../../../src/domain/dates.js';
import { fixedClock } from '../../../src/adapters/local/systemClock.js';
import { CHILD_NAME, staff, teamsUserOf } from '../../bot/fixtures.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../support/fakeBotConnector.js';
import { agreementGiven, referral } from '../../support/factories.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../../support/testSystem.js';

const today = TODAY.slice(0, 10);
/** Born so that the young person is `years` old today and has a birthday in ten days. */
const bornFor = (years: number) => addDays(addYears(today, -(years + 1)), 10);
/** Twenty days on: after the birthday, whatever today is. */
const afterTheBirthday = () => new Date(Date.parse(TODAY) + 20 * 86_400_000).toISOString();

/**
 * A young person who agreed at 15 (or 17) and then turns 16 (or 18) is asked for their own agreement
 * again: the case holder gets the bot's agreement prompt, once per birthday.
 */
describe('asking again when the young person turns 16 or 18', () => {
  let t: TestServer;
  let amy: Api;
  let connector: FakeBotConnector;
  let amyChat: string;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    // Amy has the app installed: the bot remembers her chat.
    const user = teamsUserOf('yjs-amy');
    amyChat = `a:chat-yjs-amy-${Math.random().toString(36).slice(2)}`;
    connector.open(amyChat);
    await rememberConversation(t.system.deps, staff('yjs-amy'), {
      activityId: 'first-message',
      user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      bot: { id: '28:ecm-bot', name: 'ECM for Teams' },
      conversation: { id: amyChat, conversationType: 'personal', isGroup: false, tenantId: 'tenant' },
      channelId: 'msteams',
      locale: 'en-GB',
      serviceUrl: connector.url,
    });
  });
  afterAll(async () => {
    t.clock.set(TODAY);
    await t.close();
    await connector.close();
  });

  const refer = async (years: number, parties: ('young_person' | 'parent_carer')[]) => {
    const r = await amy.post('/api/v1/cases', referral({ childDateOfBirth: bornFor(years) }));
    expect(r.status).toBe(201);
    for (const p of parties) expect((await amy.post(`/api/v1/cases/${r.body.id}/agreements`, agreementGiven(p))).status).toBe(201);
    return r.body as { id: string; reference: string };
  };
  const promptsAbout = async (caseId: string) =>
    (await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: NOTIFY_KIND, caseId }, 100))).filter((j) =>
      (j.dedupeKey ?? '').includes('agreement-again'),
    );
  const cardsToAmy = () => connector.sent.filter((s) => s.conversationId === amyChat).map((s) => JSON.stringify(s.activity.attachments?.[0]?.content ?? {}));

  let sixteen: { id: string; reference: string };
  let eighteen: { id: string; reference: string };

  it('prompts nobody before the birthday', async () => {
    sixteen = await refer(15, ['young_person', 'parent_carer']);
    eighteen = await refer(17, ['young_person']);
    expect(await queueAgreementAgainPrompts(t.system.deps)).toBe(0);
  });

  it('prompts the case holder once per birthday, when two instances scan at once and when the scan runs again', async () => {
    t.clock.set(afterTheBirthday());
    // A second instance: its own clock and scan, the same database.
    const other = { ...t.system.deps, clock: fixedClock(afterTheBirthday()) };
    const [a, b] = await Promise.all([queueAgreementAgainPrompts(t.system.deps), queueAgreementAgainPrompts(other)]);
    expect(a + b).toBe(2);
    expect(await queueAgreementAgainPrompts(t.system.deps)).toBe(0);
    for (const c of [sixteen, eighteen]) {
      const jobs = await promptsAbout(c.id);
      expect(jobs.map((j) => [j.recipient, j.payload])).toEqual([['yjs-amy', { kind: 'agreement.prompt', caseId: c.id }]]);
    }
  });

  it('the prompt reaches the case holder in Teams by case reference only, and asks for the young person’s own agreement again', async () => {
    await t.system.worker.runOnce();
    const cards = cardsToAmy();
    const turned16 = cards.find((c) => c.includes(sixteen.reference));
    const turned18 = cards.find((c) => c.includes(eighteen.reference));
    expect(turned16).toContain('The young person has turned 16: ask for their own agreement again.');
    expect(turned18).toContain('The young person has turned 18: ask for their own agreement again.');
    expect(cards.join('')).not.toContain(CHILD_NAME);
    for (const c of [sixteen, eighteen]) expect((await promptsAbout(c.id)).map((j) => j.status)).toEqual(['done']);
    // Delivered, and the scan (after a restart it holds nothing of its own) still sends nothing twice.
    expect(await queueAgreementAgainPrompts(t.system.deps)).toBe(0);
  });

  it('once the young person has agreed again, nothing more is sent; and every prompt queued is audited by reference', async () => {
    const again = await (
      await t.signIn('yjs-amy')
    ).post(`/api/v1/cases/${sixteen.id}/agreements`, agreementGiven('young_person', { date: afterTheBirthday().slice(0, 10) }));
    expect(again.body.needs.askAgain).toBeNull();
    expect(await queueAgreementAgainPrompts(t.system.deps)).toBe(0);
    const audited = await t.system.deps.store.transaction(async (tx) =>
      (await Promise.all((await tx.audit.chains()).map((ch) => tx.audit.read(ch, 0, 10_000)))).flat().filter((e) => e.action === 'agreement.again.queued'),
    );
    expect(audited.map((e) => e.detail)).toEqual(
      expect.arrayContaining([expect.objectContaining({ reference: sixteen.reference, askAgain: 'turned_16', recipient: 'yjs-amy' })]),
    );
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(audited)).not.toContain(CHILD_NAME);
  });
});
