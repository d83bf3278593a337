import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../bot/cards/render.js';
import type { AuditEvent } from '../../src/domain/audit.js';
import { agreementGiven, referral } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { chatAs, textOf } from './chat.js';
import { caseWithMeeting } from './fixtures.js';

/** The data a card's button sends, as Teams sends it when the button is pressed. */
function buttonData(card: Card, verb: string): Record<string, unknown> {
  const action = (card.actions as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === verb);
  if (!action?.data) throw new Error(`no ${verb} button on the card: ${textOf(card)}`);
  return action.data;
}

/** Every input on a card, by id, with the value it shows. */
function inputsOf(card: Card): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const n = node as { type?: string; id?: string; value?: unknown };
      if (n.type?.startsWith('Input.') && n.id) found[n.id] = n.value;
      Object.values(node).forEach(walk);
    }
  };
  walk(card.body);
  return found;
}

const bothAgree = {
  youngPersonDecision: 'given',
  youngPersonDate: '2026-11-25',
  youngPersonMethod: 'in_person',
  competenceNote: 'Understood what ECM involves.',
  parentCarerDecision: 'given',
  parentCarerDate: '2026-11-26',
  parentCarerMethod: 'phone',
};

describe('one press, one record: card actions through the bot’s invoke path', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const referred = async () => {
    const amy = await t.signIn('yjs-amy');
    return { amy, caseId: (await amy.post('/api/v1/cases', referral())).body.id as string };
  };
  const auditOf = async (caseId: string) =>
    (await t.system.deps.store.transaction(async (tx) => (await Promise.all((await tx.audit.chains()).map((c) => tx.audit.read(c, 0, 10_000)))).flat())).filter(
      (e: AuditEvent) => e.caseId === caseId && e.action.startsWith('agreement.') && e.action !== 'agreement.read',
    );

  it('pressing the agreement card’s Record twice makes one pair of agreement rows and one audit entry each', async () => {
    const { amy, caseId } = await referred();
    const chat = chatAs(t, 'yjs-amy');
    const shown = await chat.press('agreement.show', { caseId });
    const record = { ...buttonData(shown, 'agreement.record'), ...bothAgree };
    const first = await chat.press('agreement.record', record);
    const second = await chat.press('agreement.record', record);
    expect(textOf(first)).toContain('The decisions are recorded');
    expect(textOf(second)).toContain('The decisions are recorded');
    expect((await amy.get(`/api/v1/cases/${caseId}/agreements`)).body.history).toHaveLength(2);
    expect((await auditOf(caseId)).map((e) => e.action)).toEqual(['agreement.given', 'agreement.given']);
  });

  it('a double press arriving at once still makes one pair', async () => {
    const { amy, caseId } = await referred();
    const chat = chatAs(t, 'yjs-amy');
    const record = { ...buttonData(await chat.press('agreement.show', { caseId }), 'agreement.record'), ...bothAgree };
    await Promise.all([chatAs(t, 'yjs-amy').press('agreement.record', record), chatAs(t, 'yjs-amy').press('agreement.record', record)]);
    expect((await amy.get(`/api/v1/cases/${caseId}/agreements`)).body.history).toHaveLength(2);
  });

  it('a stale agreement card pressed later is told who recorded it and never flips an active case back', async () => {
    const { amy, caseId } = await referred();
    const chat = chatAs(t, 'yjs-amy');
    const stale = buttonData(await chat.press('agreement.show', { caseId }), 'agreement.record');
    for (const party of ['young_person', 'parent_carer'] as const) await amy.post(`/api/v1/cases/${caseId}/agreements`, agreementGiven(party));
    expect((await amy.get(`/api/v1/cases/${caseId}`)).body.status).toBe('active');

    const card = await chat.press('agreement.record', { ...stale, ...bothAgree, youngPersonDecision: 'declined', competenceNote: 'Changed their mind.' });
    expect(textOf(card)).toContain('Already recorded by Amy Clarke on 27 November 2026');
    expect(textOf(card)).toContain('nothing was changed');
    expect((await amy.get(`/api/v1/cases/${caseId}`)).body.status).toBe('active');
    expect((await amy.get(`/api/v1/cases/${caseId}/agreements`)).body.history).toHaveLength(2);
  });

  it('an agreement that could not be recorded comes back with what the person typed', async () => {
    const { caseId } = await referred();
    const chat = chatAs(t, 'yjs-amy');
    const record = buttonData(await chat.press('agreement.show', { caseId }), 'agreement.record');
    const { competenceNote: _missing, ...typed } = bothAgree;
    const card = await chat.press('agreement.record', { ...record, ...typed, parentCarerDate: '2026-11-21', parentCarerMethod: 'letter' });
    expect(textOf(card)).toContain('That did not work');
    expect(textOf(card)).toContain('competence');
    expect(inputsOf(card)).toMatchObject({
      youngPersonDecision: 'given',
      youngPersonDate: '2026-11-25',
      parentCarerDecision: 'given',
      parentCarerDate: '2026-11-21',
      parentCarerMethod: 'letter',
    });
    // Fixed, it records from the same card.
    const fixed = await chat.press('agreement.record', { ...record, ...bothAgree });
    expect(textOf(fixed)).toContain('The decisions are recorded');
  });

  it('pressing Accept the terms again says it is already accepted, not that the role does not allow it', async () => {
    const { caseId, meetingId } = await caseWithMeeting(t);
    const jo = chatAs(t, 'police-jo');
    const card = await jo.press('invitation.show', { caseId, meetingId });
    const accept = buttonData(card, 'terms.accept');
    expect(textOf(await jo.press('terms.accept', accept))).toContain('You accepted the terms');
    // A second copy of the card (drawn before the first was pressed) has a key of its own.
    const again = await jo.press('terms.accept', { ...accept, cardKey: crypto.randomUUID() });
    expect(textOf(again)).toContain('You already accepted these terms on 27 November 2026');
    expect(textOf(again)).not.toContain('does not allow');
    const sam = await t.signIn('ecm-sam');
    const audit = await t.system.deps.store.transaction(async (tx) =>
      (await Promise.all((await tx.audit.chains()).map((c) => tx.audit.read(c, 0, 10_000)))).flat(),
    );
    expect(audit.filter((e) => e.caseId === caseId && e.action === 'terms.accepted')).toHaveLength(1);
    expect((await sam.get(`/api/v1/cases/${caseId}/team`)).status).toBe(200);
  });
});
