import type { Card } from './cards/render.js';

/**
 * What the bot's logic sees of a chat platform: plain data and two callbacks. The host (the one
 * file that knows botbuilder) fills these in, so the logic moves to another SDK unchanged.
 */
export interface ChatUser {
  /** The platform's id for the user in this chat (Teams: "29:…"), used for card refresh. */
  id: string;
  /** The Microsoft Entra object id: how a Teams user is matched to a member of staff. */
  aadObjectId: string | undefined;
}

export type Reply = { text: string } | { card: Card };

export interface Turn {
  user: ChatUser;
  /** The conversation reference to reach this user later, as the platform gave it. */
  reference: unknown;
  /** True in the user's one-to-one chat with the bot: the chat proactive messages go to. */
  personal: boolean;
  reply(reply: Reply): Promise<void>;
  /** Shows the typing indicator while a slower answer is prepared. */
  typing(): Promise<void>;
}

/** A meeting's own chat, where everyone in the meeting reads what the bot posts. */
export type MeetingChat = Pick<Turn, 'reply'>;

/** What Teams says when a meeting starts or ends, unchecked: the bot's logic validates it. */
export interface MeetingChatEvent {
  /** The conversation the event came in: the meeting chat's id. */
  chatId: string | undefined;
  /** When the meeting started or ended, as an instant ('' if Teams sent no readable time). */
  at: string;
}
