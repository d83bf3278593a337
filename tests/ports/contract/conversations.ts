import { expect, it } from 'vitest';
import type { ContractContext } from '../store.contract.js';

const minute = (m: number) => `2026-11-27T10:${String(m).padStart(2, '0')}:00.000Z`;

/** What botbuilder hands over as a conversation reference: nested, with text in any script. */
const referenceOf = (user: string, conversation: string) => ({
  activityId: null,
  bot: { id: '28:ecm-bot', name: 'ECM for Teams' },
  channelId: 'msteams',
  conversation: { id: conversation, conversationType: 'personal', tenantId: 'd2b9c7f1-0000-4000-8000-000000000001' },
  serviceUrl: 'https://smba.example.net/emea/',
  user: { id: user, name: 'Zoë O’Brien', aadObjectId: '7a6b5c4d-0000-4000-8000-000000000002' },
  locale: 'en-GB',
});

/** The bot's chat with each person (bot_conversations): how to reach them later, or why it cannot. */
export function conversationContract({ store }: ContractContext): void {
  const tx = store;

  it('keeps the newest way to reach a person exactly as the platform gave it, and knows nothing of others', async () => {
    await tx().transaction((t) => t.conversations.remember('yjs-amy', referenceOf('29:amy', 'a:old'), minute(1)));
    await tx().transaction((t) => t.conversations.remember('yjs-amy', referenceOf('29:amy', 'a:new'), minute(2)));
    await tx().transaction(async (t) => {
      expect(await t.conversations.get('yjs-amy')).toEqual({
        staffId: 'yjs-amy',
        reference: referenceOf('29:amy', 'a:new'),
        updatedAt: minute(2),
        unreachable: null,
      });
      expect(await t.conversations.get('ecm-sam')).toBeNull();
    });
  });

  it('marks a person unreachable and still keeps how to reach them; writing again clears it', async () => {
    await tx().transaction((t) => t.conversations.remember('police-jo', referenceOf('29:jo', 'a:jo'), minute(1)));
    await tx().transaction((t) => t.conversations.markUnreachable('police-jo', 'app_removed', minute(5)));
    expect(await tx().transaction((t) => t.conversations.get('police-jo'))).toEqual({
      staffId: 'police-jo',
      reference: referenceOf('29:jo', 'a:jo'),
      updatedAt: minute(5),
      unreachable: { reason: 'app_removed', since: minute(5) },
    });
    await tx().transaction((t) => t.conversations.remember('police-jo', referenceOf('29:jo', 'a:jo-again'), minute(9)));
    expect(await tx().transaction((t) => t.conversations.get('police-jo'))).toMatchObject({
      reference: referenceOf('29:jo', 'a:jo-again'),
      unreachable: null,
    });
  });

  it('records someone who never installed the app as unreachable, with no way to reach them, and keeps the latest reason', async () => {
    await tx().transaction((t) => t.conversations.markUnreachable('mgr-bri', 'app_not_installed', minute(1)));
    expect(await tx().transaction((t) => t.conversations.get('mgr-bri'))).toEqual({
      staffId: 'mgr-bri',
      reference: null,
      updatedAt: minute(1),
      unreachable: { reason: 'app_not_installed', since: minute(1) },
    });
    await tx().transaction((t) => t.conversations.markUnreachable('mgr-bri', 'bot_blocked', minute(3)));
    expect((await tx().transaction((t) => t.conversations.get('mgr-bri')))?.unreachable).toEqual({ reason: 'bot_blocked', since: minute(3) });
  });

  it('lists, of the people asked about, those who cannot be reached now, by staff id', async () => {
    await tx().transaction(async (t) => {
      await t.conversations.remember('yjs-amy', referenceOf('29:amy', 'a:amy'), minute(1));
      await t.conversations.remember('police-jo', referenceOf('29:jo', 'a:jo'), minute(1));
      await t.conversations.markUnreachable('police-jo', 'conversation_not_found', minute(2));
      await t.conversations.markUnreachable('ecm-sam', 'app_not_installed', minute(3));
      await t.conversations.markUnreachable('psy-helen', 'bot_blocked', minute(4));
    });
    await tx().transaction(async (t) => {
      const listed = await t.conversations.listUnreachable(['yjs-amy', 'police-jo', 'ecm-sam', 'nobody']);
      expect(listed.map((c) => [c.staffId, c.unreachable?.reason])).toEqual([
        ['ecm-sam', 'app_not_installed'],
        ['police-jo', 'conversation_not_found'],
      ]);
      expect(await t.conversations.listUnreachable([])).toEqual([]);
    });
  });
}
