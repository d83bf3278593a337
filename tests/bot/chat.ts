import { type Activity, type ChannelAccount, TestAdapter } from 'botbuilder';
import { createBotApp } from '../../bot/app.js';
import type { Card } from '../../bot/cards/render.js';
import { EcmActivityHandler } from '../../bot/host.js';
import { tabLinks } from '../../bot/links.js';
import { type Logger, silentLogger } from '../../src/lib/logger.js';
import type { TestServer } from '../support/testSystem.js';
import { teamsUserOf } from './fixtures.js';

export const links = tabLinks({ teamsAppId: undefined, publicBaseUrl: 'http://localhost:3978' });

/** A person's one-to-one Teams chat with the bot, through botbuilder's TestAdapter and the real handler. */
export function chatAs(t: TestServer, staffId: string | { id: string; aadObjectId: string; name: string }) {
  const handler = new EcmActivityHandler(createBotApp(t.system.deps, links, silentLogger));
  const adapter = new TestAdapter(async (ctx) => {
    await handler.run(ctx);
  });
  const user = typeof staffId === 'string' ? teamsUserOf(staffId) : staffId;
  adapter.conversation.channelId = 'msteams';
  adapter.conversation.user = user as ChannelAccount;
  adapter.conversation.conversation = { id: `a:personal-${user.id}`, conversationType: 'personal', isGroup: false, name: '' };

  /** Sends one activity and returns everything the bot sent back in that turn. */
  async function exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  return {
    adapter,
    user,
    exchange,
    say: (text: string) => exchange({ type: 'message', text }),
    install: () =>
      exchange({
        type: 'conversationUpdate',
        membersAdded: [
          { id: user.id, name: user.name },
          { id: adapter.conversation.bot.id, name: 'ECM for Teams' },
        ],
      }),
    /** Presses an Action.Execute button; returns the card that replaces the pressed one. */
    async press(verb: string, data: Record<string, unknown>, from: Partial<ChannelAccount> = user): Promise<Card> {
      const replies = await exchange({
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: from as ChannelAccount,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      const response = replies.find((r) => r.type === 'invokeResponse');
      const value = response?.value as { status: number; body: { statusCode: number; type: string; value: Card } } | undefined;
      if (value?.status !== 200 || value.body.type !== 'application/vnd.microsoft.card.adaptive') {
        throw new Error(`not a card response: ${JSON.stringify(value)}`);
      }
      return value.body.value;
    },
  };
}

/**
 * A Teams meeting's chat with the bot in it: Teams tells the bot there when the meeting starts and
 * ends (an event activity, its value in PascalCase as Teams sends it).
 */
export function meetingChat(t: TestServer, chatId: string, logger: Logger = silentLogger) {
  const handler = new EcmActivityHandler(createBotApp(t.system.deps, links, logger));
  const adapter = new TestAdapter(async (ctx) => {
    await handler.run(ctx);
  });
  adapter.conversation.channelId = 'msteams';
  adapter.conversation.conversation = { id: chatId, conversationType: 'groupChat', isGroup: true, name: 'ECM formulation meeting' };
  const teamsMeeting = {
    Id: 'MCMxOTptZWV0aW5nX1pqRTF',
    JoinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting',
    MeetingType: 'Scheduled',
    Title: 'ECM',
  };

  async function event(name: string, value: Record<string, unknown>): Promise<Partial<Activity>[]> {
    await adapter.receiveActivity({ type: 'event', name, value, channelData: { meeting: { id: teamsMeeting.Id }, tenant: { id: 'tenant' } } });
    return adapter.activeQueue.splice(0);
  }
  return {
    adapter,
    start: (at: string) => event('application/vnd.microsoft.meetingStart', { ...teamsMeeting, StartTime: at }),
    end: (at: string) => event('application/vnd.microsoft.meetingEnd', { ...teamsMeeting, EndTime: at }),
  };
}

export const cardOf = (activity: Partial<Activity> | undefined): Card | null =>
  (activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as Card | undefined) ?? null;

export const textOf = (card: Card | null): string => JSON.stringify(card ?? {});
