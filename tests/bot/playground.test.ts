import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentsPlayground, type PlaygroundMessage, startAgentsPlayground } from '../support/agentsPlayground.js';
import { referral } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { CHILD_NAME, caseWithMeeting } from './fixtures.js';

/**
 * End to end with a real client: the Microsoft 365 Agents Playground talks to the real server's
 * /api/messages, and the bot's proactive messages reach it through its own connector. One
 * playground per suite.
 */
const cardText = (m: PlaygroundMessage) => JSON.stringify(m.attachments?.[0]?.content ?? {});
const hasCard = (text: string) => (m: PlaygroundMessage) => cardText(m).includes(text);

describe('in the Agents Playground, as PC Jo Harris (a police partner)', () => {
  let t: TestServer;
  let playground: AgentsPlayground;
  beforeAll(async () => {
    t = await startTestServer();
    playground = await startAgentsPlayground(`${t.url}/api/messages`, 'police-jo');
  });
  afterAll(async () => {
    await playground?.stop();
    await t?.close();
  });

  it('welcomes Jo on install and answers help', async () => {
    await playground.install();
    await playground.waitFor('a welcome', hasCard('Welcome to ECM for Teams, PC Jo Harris'));
    await playground.say('help');
    const help = await playground.waitFor('the help card', (m) => hasCard('reviews due')(m) && !hasCard('Welcome')(m));
    expect(cardText(help)).toContain('my cases');
  });

  it('an invitation arrives proactively; "Accept the terms" updates the card and the case team', async () => {
    const { caseId, meetingId, reference } = await caseWithMeeting(t);
    await t.system.worker.runOnce();
    const invitation = await playground.waitFor('the invitation', hasCard('invitation.show'));
    expect(cardText(invitation)).toContain(`Formulation meeting: ${reference}`);
    expect(cardText(invitation)).toContain('Accept the terms');
    expect(cardText(invitation)).not.toContain(CHILD_NAME);

    const pressed = await playground.press(invitation.messageId, 'terms.accept', { caseId, meetingId, termsVersion: '2026-1' });
    expect(pressed.status).toBe(200);
    expect(pressed.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const updated = JSON.stringify(pressed.body.value);
    expect(updated).toContain('You accepted the terms');
    expect(updated).not.toContain('terms.accept');
    expect(updated).toContain('meeting.respond');

    const team = await (await t.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}/team`);
    expect(team.body.items.find((m: { staffId: string }) => m.staffId === 'police-jo').termsAcceptedAt).not.toBeNull();
    const jo = await t.signIn('police-jo');
    expect((await jo.get(`/api/v1/cases/${caseId}`)).body.child.name).toMatch(new RegExp(`^${CHILD_NAME}`));
  });
});

describe('in the Agents Playground, as Amy Clarke (a YJS practitioner)', () => {
  let t: TestServer;
  let playground: AgentsPlayground;
  beforeAll(async () => {
    t = await startTestServer();
    playground = await startAgentsPlayground(`${t.url}/api/messages`, 'yjs-amy');
  });
  afterAll(async () => {
    await playground?.stop();
    await t?.close();
  });

  it('after a referral the agreement prompt arrives, and answering it makes the case active', async () => {
    await playground.install();
    await playground.waitFor('a welcome', hasCard('Welcome to ECM for Teams, Amy Clarke'));
    const amy = await t.signIn('yjs-amy');
    const referred = await amy.post('/api/v1/cases', referral());
    await t.system.worker.runOnce();
    const prompt = await playground.waitFor('the agreement prompt', hasCard('agreement.record'));
    expect(cardText(prompt)).toContain(`Agreement to take part: ${referred.body.reference}`);

    const pressed = await playground.press(prompt.messageId, 'agreement.record', {
      caseId: referred.body.id,
      youngPersonDecision: 'given',
      youngPersonDate: '2026-11-26',
      youngPersonMethod: 'in_person',
      competenceNote: 'Understood what ECM involves.',
      parentCarerDecision: 'given',
      parentCarerDate: '2026-11-26',
      parentCarerMethod: 'phone',
    });
    expect(pressed.status).toBe(200);
    expect(JSON.stringify(pressed.body.value)).toContain('Recorded by Amy Clarke');
    expect((await amy.get(`/api/v1/cases/${referred.body.id}`)).body.status).toBe('active');

    await playground.say('my cases');
    const list = await playground.waitFor('my cases', hasCard('Your cases'));
    expect(cardText(list)).toContain(referred.body.reference);
  });
});
