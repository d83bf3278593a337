import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botCommands, readManifestTemplate } from '../support/manifestFacts.js';
import { REPO_ROOT } from '../support/appPackageRoot.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { cardOf, chatAs, textOf } from './chat.js';
import { actionOwnedBy, CHILD_NAME, caseWithMeeting } from './fixtures.js';

/**
 * Every command the app package offers, in every scope it offers it, gets a real answer from the
 * bot: a command added to appPackage/manifest.json and not to the bot fails here.
 */
const COMMANDS = botCommands(readManifestTemplate(REPO_ROOT));

/** The conversation Teams sends from each scope of the manifest's command lists. */
const CONVERSATIONS: Record<string, { id: string; conversationType: string; isGroup: boolean; name: string }> = {
  personal: { id: 'a:personal-chat', conversationType: 'personal', isGroup: false, name: '' },
  groupChat: { id: '19:meeting_ZmY0@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'BRI-2026 formulation meeting' },
  team: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'General' },
};

/** What tells each answer apart from a fallback, in a shared chat and in the personal one. */
const ANSWERS: Record<string, (json: string, ctx: { reference: string; shared: boolean }) => void> = {
  help: (json, { shared }) => {
    // The card lists what may be asked there: caseload commands only where nobody else reads along.
    for (const c of COMMANDS.filter((c) => c.scopes.includes(shared ? 'groupChat' : 'personal'))) expect(json).toContain(`"title":"${c.title}"`);
    if (shared) expect(json).not.toContain('"title":"my cases"');
  },
  'my cases': (json, { reference }) => {
    expect(json).toContain('Your cases');
    expect(json).toContain(reference);
  },
  'my actions': (json, { reference }) => {
    expect(json).toContain('Your actions');
    expect(json).toContain(reference);
    expect(json).toContain('action 1 of the plan');
  },
  'reviews due': (json, { reference }) => {
    expect(json).toContain('Reviews due');
    expect(json).toContain(`${reference}`);
    expect(json).toContain('due 2027-02-23');
  },
};

describe('every bot command in the app package', () => {
  let t: TestServer;
  let reference: string;
  beforeAll(async () => {
    t = await startTestServer();
    const made = await caseWithMeeting(t);
    reference = made.reference;
    await actionOwnedBy(t, made.caseId, 'yjs-amy', '2027-03-31');
    // The formulation meeting is held and sets the next review; a fortnight before it, "reviews due" lists it.
    t.clock.set('2026-12-08T13:00:00Z');
    const sam = await t.signIn('ecm-sam');
    const held = await sam.post(
      `/api/v1/cases/${made.caseId}/meetings/${made.meetingId}/outcome`,
      { summary: 'Timeline built together.', nextReviewDue: '2027-02-23' },
      { 'If-Match': '"1"' },
    );
    if (held.status !== 200) throw new Error(JSON.stringify(held.body));
    t.clock.set('2027-02-12T09:00:00Z');
  });
  afterAll(() => t.close());

  it('offers the commands the bot knows, each in at least one scope', () => {
    expect(COMMANDS.map((c) => c.title).sort()).toEqual(Object.keys(ANSWERS).sort());
  });

  const cases = COMMANDS.flatMap((c) => c.scopes.map((scope) => ({ title: c.title, scope })));
  it.each(cases)('answers "$title" in $scope', async ({ title, scope }) => {
    const conversation = CONVERSATIONS[scope];
    if (!conversation) throw new Error(`the manifest lists a scope the bot is not tested in: ${scope}`);
    const chat = chatAs(t, 'yjs-amy');
    chat.adapter.conversation.conversation = conversation;
    const shared = scope !== 'personal';
    // In a shared chat Teams delivers the command after an @mention of the bot.
    const mention = { type: 'mention', text: '<at>ECM for Teams</at>', mentioned: { id: chat.adapter.conversation.bot.id, name: 'ECM for Teams' } };
    const replies: Partial<Activity>[] = shared
      ? await chat.exchange({ type: 'message', text: `<at>ECM for Teams</at> ${title}`, entities: [mention] })
      : await chat.say(title);

    const messages = replies.filter((r) => r.type === 'message');
    expect(messages).toHaveLength(1);
    const card = cardOf(messages[0]);
    expect(card, `"${title}" in ${scope} answered with text only: ${messages[0]?.text}`).not.toBeNull();
    const json = textOf(card);
    expect(json).not.toMatch(/did not understand|one-to-one chat: what I answer is for you alone/);
    ANSWERS[title]!(json, { reference, shared });
    expect(JSON.stringify(replies)).not.toContain(CHILD_NAME);
    expect(JSON.stringify(replies)).not.toContain('Jordan');
  });
});
