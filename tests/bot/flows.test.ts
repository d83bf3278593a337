import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referral } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { cardOf, chatAs, textOf } from './chat.js';
import { CHILD_NAME, caseWithMeeting, staff } from './fixtures.js';

/** Conversations with the bot through botbuilder's TestAdapter, against the real use cases and database. */
describe('talking to the bot', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('welcomes a practitioner by name when they install it, and remembers their chat', async () => {
    const chat = chatAs(t, 'yjs-amy');
    const replies = await chat.install();
    expect(textOf(cardOf(replies[0]))).toContain('Welcome to ECM for Teams, Amy Clarke');
    const stored = await t.system.deps.store.transaction((tx) => tx.conversations.get('yjs-amy'));
    expect(stored?.reference).toMatchObject({ conversation: { id: 'a:personal-29:yjs-amy' }, user: { id: '29:yjs-amy' } });
  });

  it('stops sending to someone who removes the app, until they add it again', async () => {
    const chat = chatAs(t, 'mgr-bri');
    await chat.install();
    await chat.exchange({ type: 'installationUpdate', action: 'remove' });
    const removed = await t.system.deps.store.transaction((tx) => tx.conversations.get('mgr-bri'));
    expect(removed?.unreachable?.reason).toBe('app_removed');
    await chat.exchange({ type: 'installationUpdate', action: 'add' });
    const back = await t.system.deps.store.transaction((tx) => tx.conversations.get('mgr-bri'));
    expect(back?.unreachable).toBeNull();
  });

  it('answers help with the commands, through a TestFlow', async () => {
    const chat = chatAs(t, 'yjs-amy');
    await chat.adapter
      .send('help')
      .assertReply((a) => {
        const json = textOf(cardOf(a));
        expect(json).toContain('my cases');
        expect(json).toContain('reviews due');
      })
      .startTest();
  });

  it('lists my cases by reference and dates, after a typing indicator, never by name', async () => {
    const { reference } = await caseWithMeeting(t);
    const replies = await chatAs(t, 'yjs-amy').say('My cases');
    expect(replies.map((r) => r.type)).toEqual(['typing', 'message']);
    const json = textOf(cardOf(replies[1]));
    expect(json).toContain(reference);
    expect(json).toContain('referred 2026-11-27');
    expect(json).not.toContain(CHILD_NAME);
  });

  it('says when no reviews are due', async () => {
    const replies = await chatAs(t, 'yjs-lee').say('reviews due');
    expect(replies[0]?.type).toBe('typing');
    expect(textOf(cardOf(replies[1]))).toContain('No reviews are due');
  });

  it('keeps caseloads out of group chats', async () => {
    const chat = chatAs(t, 'yjs-amy');
    chat.adapter.conversation.conversation = { id: '19:group', conversationType: 'groupChat', isGroup: true, name: 'Team chat' };
    const replies = await chat.say('my cases');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('one-to-one chat');
  });

  it('tells someone it does not know that it cannot help, and stores nothing for them', async () => {
    const stranger = { id: '29:stranger', aadObjectId: '11111111-2222-4333-8444-555555555555', name: 'Stranger' };
    const replies = await chatAs(t, stranger).say('my cases');
    expect(replies[0]?.text).toContain('does not know your Teams account');
  });

  it('a partner accepts the terms from the invitation: the card updates and the case team shows it', async () => {
    const { caseId, meetingId } = await caseWithMeeting(t);
    const jo = chatAs(t, 'police-jo');
    const before = await jo.press('invitation.show', { caseId, meetingId });
    expect(textOf(before)).toContain('Accept the terms');
    expect(textOf(before)).not.toContain('"title":"Accept"');

    const after = await jo.press('terms.accept', { caseId, meetingId, termsVersion: '2026-1' });
    expect(textOf(after)).toContain('You accepted the terms');
    expect(textOf(after)).toContain('"title":"Accept"');
    expect(after.refresh).toMatchObject({ userIds: ['29:police-jo'] });

    const sam = await t.signIn('ecm-sam');
    const team = await sam.get(`/api/v1/cases/${caseId}/team`);
    expect(team.body.items.find((m: { staffId: string }) => m.staffId === 'police-jo').termsAcceptedAt).toBe('2026-11-27T10:00:00.000Z');

    const accepted = await jo.press('meeting.respond', { caseId, meetingId, response: 'accepted' });
    expect(textOf(accepted)).toContain('You accepted this meeting');
    const meeting = await sam.get(`/api/v1/cases/${caseId}/meetings/${meetingId}`);
    expect(meeting.body.attendees.find((a: { staffId: string }) => a.staffId === 'police-jo').response).toBe('accepted');
  });

  it('records agreement from the prompt and shows who recorded it', async () => {
    const amyApi = await t.signIn('yjs-amy');
    const referred = await amyApi.post('/api/v1/cases', referral());
    const amy = chatAs(t, 'yjs-amy');
    const card = await amy.press('agreement.record', {
      caseId: referred.body.id,
      youngPersonDecision: 'given',
      youngPersonDate: '2026-11-25',
      youngPersonMethod: 'in_person',
      competenceNote: 'Understood what ECM involves.',
      parentCarerDecision: 'given',
      parentCarerDate: '2026-11-26',
      parentCarerMethod: 'phone',
    });
    const json = textOf(card);
    expect(json).toContain('Young person: agreed to take part');
    expect(json).toContain('Recorded by Amy Clarke');
    expect(json).toContain('the case is active');
    expect(json).not.toContain('agreement.record');
    expect((await amyApi.get(`/api/v1/cases/${referred.body.id}`)).body.status).toBe('active');
  });

  it("asks for the local authority's agreement for a 14-year-old under a care order, and records it from the card", async () => {
    const amyApi = await t.signIn('yjs-amy');
    const referred = await amyApi.post('/api/v1/cases', referral({ childDateOfBirth: '2012-06-01', legalStatus: 'care_order' }));
    const amy = chatAs(t, 'yjs-amy');
    const shown = textOf(await amy.press('agreement.show', { caseId: referred.body.id }));
    expect(shown).toContain('localAuthorityDecision');
    expect(shown).toContain('the young person and local authority (allocated social worker) agree');
    const card = await amy.press('agreement.record', {
      caseId: referred.body.id,
      youngPersonDecision: 'given',
      youngPersonDate: '2026-11-25',
      youngPersonMethod: 'in_person',
      competenceNote: 'Understood what ECM involves.',
      localAuthorityDecision: 'given',
      localAuthorityDate: '2026-11-26',
      localAuthorityMethod: 'video',
    });
    expect(textOf(card)).toContain('the case is active');
    expect((await amyApi.get(`/api/v1/cases/${referred.body.id}`)).body.status).toBe('active');
  });

  it("asks only for the young person's own agreement when they are 18", async () => {
    const amyApi = await t.signIn('yjs-amy');
    const referred = await amyApi.post('/api/v1/cases', referral({ childDateOfBirth: '2008-06-01' }));
    const shown = textOf(await chatAs(t, 'yjs-amy').press('agreement.show', { caseId: referred.body.id }));
    expect(shown).toContain('youngPersonDecision');
    expect(shown).not.toContain('parentCarerDecision');
    expect(shown).not.toContain('localAuthorityDecision');
  });
});

describe('card actions that must change nothing', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const isErrorCard = (json: string) => expect(json).toContain('That did not work');

  it('another case’s id gets an error card', async () => {
    const { meetingId } = await caseWithMeeting(t);
    const dan = await t.signIn('yjs-dan');
    const nso = await dan.post('/api/v1/cases', referral({ serviceId: 'NSO' }));
    const card = await chatAs(t, 'police-jo').press('terms.accept', { caseId: nso.body.id, meetingId, termsVersion: '2026-1' });
    isErrorCard(textOf(card));
    expect(textOf(card)).toContain('That case was not found');
  });

  it('someone who is not the invitee cannot answer for the meeting', async () => {
    const { caseId, meetingId } = await caseWithMeeting(t);
    const card = await chatAs(t, 'ecm-priya').press('meeting.respond', { caseId, meetingId, response: 'declined' });
    isErrorCard(textOf(card));
    expect(textOf(card)).toContain('not invited');
    const sam = await t.signIn('ecm-sam');
    const meeting = await sam.get(`/api/v1/cases/${caseId}/meetings/${meetingId}`);
    expect(meeting.body.attendees.map((a: { response: string }) => a.response)).toEqual(['none', 'none']);
  });

  it('a press from one person in another person’s name is answered for the presser', async () => {
    const { caseId, meetingId } = await caseWithMeeting(t);
    // The card was Jo's, but Grace pressed it: the action is Grace's, and Grace is not on the team.
    const grace = staff('mgr-bri');
    const card = await chatAs(t, 'police-jo').press(
      'terms.accept',
      { caseId, meetingId, termsVersion: '2026-1' },
      { id: '29:grace', aadObjectId: grace.aadObjectId as string },
    );
    isErrorCard(textOf(card));
    const team = await (await t.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}/team`);
    expect(team.body.items.find((m: { staffId: string }) => m.staffId === 'police-jo').termsAcceptedAt).toBeNull();
  });

  it('missing or malformed data gets an error card', async () => {
    const jo = chatAs(t, 'police-jo');
    isErrorCard(textOf(await jo.press('meeting.respond', { caseId: 'not-a-uuid', response: 'accepted' })));
    isErrorCard(textOf(await jo.press('invitation.show', {})));
    isErrorCard(textOf(await jo.press('case.delete', { caseId: '00000000-0000-4000-8000-000000000000' })));
  });

  it('an expired invitation cannot be accepted', async () => {
    const { caseId, meetingId } = await caseWithMeeting(t);
    t.clock.advance(31 * 86_400_000);
    try {
      const jo = chatAs(t, 'police-jo');
      const shown = await jo.press('invitation.show', { caseId, meetingId });
      expect(textOf(shown)).toContain('expired');
      expect(textOf(shown)).not.toContain('terms.accept');
      const card = await jo.press('terms.accept', { caseId, meetingId, termsVersion: '2026-1' });
      isErrorCard(textOf(card));
      expect(textOf(card)).toContain('expired');
      expect(card.actions).toEqual([expect.objectContaining({ verb: 'invitation.show' })]);
    } finally {
      t.clock.advance(-31 * 86_400_000);
    }
    const team = await (await t.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}/team`);
    expect(team.body.items.find((m: { staffId: string }) => m.staffId === 'police-jo').termsAcceptedAt).toBeNull();
  });

  it('an agreement missing the competence note records neither decision', async () => {
    const amyApi = await t.signIn('yjs-amy');
    const referred = await amyApi.post('/api/v1/cases', referral());
    const card = await chatAs(t, 'yjs-amy').press('agreement.record', {
      caseId: referred.body.id,
      youngPersonDecision: 'given',
      youngPersonDate: '2026-11-25',
      youngPersonMethod: 'in_person',
      parentCarerDecision: 'given',
      parentCarerDate: '2026-11-25',
      parentCarerMethod: 'phone',
    });
    isErrorCard(textOf(card));
    expect(textOf(card)).toContain('competence');
    const agreements = await amyApi.get(`/api/v1/cases/${referred.body.id}/agreements`);
    expect(agreements.body.history).toEqual([]);
  });
});
