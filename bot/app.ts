import type { AppDeps } from '../src/app/deps.js';
import { markMeetingEnded, markMeetingStarted, type MeetingChatEventResult, type MeetingInChat } from '../src/app/meetings/meetingChatEvents.js';
import { forgetConversation, identifyTeamsUser, rememberConversation } from '../src/app/notifications/rememberConversation.js';
import { DomainError } from '../src/domain/errors.js';
import { type Principal, principalOf, type Staff } from '../src/domain/staff.js';
import { answerOnce } from '../src/app/requests/answerOnce.js';
import { todayIn } from '../src/ports/clock.js';
import { describeError, type Logger } from '../src/lib/logger.js';
import { liveCard, showActionOf } from './cards/build.js';
import { type CardContext, errorCard, meetingEndedCard, meetingStartedCard } from './cards/cards.js';
import type { Card } from './cards/render.js';
import { type CardAction, cardActionSchema, cardOf, perform, typedAgreement } from './cardActions.js';
import { commandOf, helpFor, myActions, myCases, reviewsDue, sharedHelpFor } from './commands.js';
import type { TabLinks } from './links.js';
import type { ChatUser, MeetingChat, MeetingChatEvent, Turn } from './turn.js';

/**
 * The bot's logic, free of any bot framework: what to say to a message, to an install and to a
 * card action. Everything it does goes through the use cases of src/app.
 */
export interface BotApp {
  onMessage(turn: Turn, text: string): Promise<void>;
  /** The app was installed: remember the chat and welcome the person. */
  onInstalled(turn: Turn): Promise<void>;
  /** Any other sign of the person (an update of the installation): remember the chat. */
  onSeen(turn: Turn): Promise<void>;
  /** The person removed the app from their personal chat: stop sending, and let the tab say so. */
  onRemoved(turn: Turn): Promise<void>;
  /** An Action.Execute from a card (a button or a refresh): the card to show in its place. */
  onCardAction(user: ChatUser, value: unknown): Promise<Card>;
  /** A case meeting began in Teams: say so in its chat, with the way to the case's timeline. */
  onMeetingStarted(chat: MeetingChat, event: MeetingChatEvent): Promise<void>;
  /** A case meeting ended in Teams: it was held; ask for its outcome in its chat. */
  onMeetingEnded(chat: MeetingChat, event: MeetingChatEvent): Promise<void>;
}

const UNKNOWN_PERSON = 'ECM for Teams does not know your Teams account yet. Ask your ECM administrator to add you; until then I cannot show you anything.';

/** The cards' labels for the fields the API names (the agreement card's inputs), so a problem is said in the card's words. */
const CARD_LABELS: Record<string, string> = {
  decision: 'Their decision',
  date: 'Date of their decision',
  method: 'How they told you',
  competenceNote: 'Your view of their competence to agree',
  termsVersion: 'The terms',
  response: 'Your answer',
};

/**
 * A message for the person: a validation failure lists what to fix, each field by the card's label
 * (never the API's field name). Domain messages never carry a child's name.
 */
function explain(error: DomainError): string {
  const details = Array.isArray(error.details) ? (error.details as { path?: unknown; message?: unknown }[]) : [];
  const lines = details
    .filter((d): d is { path: unknown; message: string } => typeof d?.message === 'string')
    .map((d) => {
      const label = typeof d.path === 'string' ? CARD_LABELS[d.path] : undefined;
      return `${label ? `${label}: ` : ''}${d.message.replace(/[.]$/, '')}.`;
    });
  return lines.length ? `${error.message} ${lines.join(' ')}` : error.message;
}

export function createBotApp(deps: AppDeps, links: TabLinks, logger: Logger): BotApp {
  const contextFor = (user: ChatUser, notice: string | null = null): CardContext => ({
    userIds: [user.id],
    links,
    today: todayIn(deps.clock),
    now: deps.clock.now().toISOString(),
    notice,
  });

  async function remember(turn: Turn): Promise<Staff | null> {
    const staff = await identifyTeamsUser(deps, turn.user.aadObjectId);
    if (staff && turn.personal) {
      const resent = await rememberConversation(deps, staff, turn.reference);
      if (resent > 0) logger.info('notifications queued again for a person who came back', { staffId: staff.id, count: resent });
    }
    return staff;
  }

  /**
   * Records what Teams said, then posts. A repeated event records nothing and so posts nothing; a
   * post that fails after the record is not tried again (a card too few, never one too many).
   */
  async function heard(
    chat: MeetingChat,
    event: MeetingChatEvent,
    what: 'start' | 'end',
    mark: (deps: AppDeps, input: unknown) => Promise<MeetingChatEventResult>,
    cardFor: (m: MeetingInChat) => Card | null,
  ): Promise<void> {
    let result: MeetingChatEventResult;
    try {
      result = await mark(deps, event);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.warn('a meeting event could not be read; nothing recorded', { event: what, error: error.message });
      return;
    }
    if (result.outcome === 'unknown_chat') {
      // Any Teams meeting the app is in may send these; its ids are not ours to keep.
      logger.info('a meeting event from a chat that holds no ECM meeting', { event: what, conversation: event.chatId !== undefined });
      return;
    }
    if (result.outcome === 'nothing_to_do') return;
    const card = cardFor(result.meeting);
    if (card) await chat.reply({ card });
  }

  /** A card's buttons carry its key: the same card pressed again is given the first answer, and nothing is done twice. */
  async function performOnce(
    p: Principal,
    action: CardAction,
  ): Promise<{ outcome: 'done'; notice: string | null } | { outcome: 'different_request' | 'still_working' }> {
    const key = 'cardKey' in action.data ? action.data.cardKey : undefined;
    if (!key) return { outcome: 'done', notice: await perform(deps, p, action) };
    const once = await answerOnce(deps, p, { key: `card:${key}`, fingerprint: `${action.verb}:${action.data.caseId}` }, () => perform(deps, p, action));
    return 'outcome' in once ? once : { outcome: 'done', notice: once.answer };
  }

  return {
    async onMessage(turn, text) {
      const staff = await remember(turn);
      if (!staff) return turn.reply({ text: UNKNOWN_PERSON });
      const command = commandOf(text);
      if (!turn.personal) {
        if (command === 'help') return turn.reply({ card: sharedHelpFor(links) });
        // Caseloads are for the person asking: in a group chat or channel, others would read them too.
        return turn.reply({ text: 'Please ask me in our one-to-one chat: what I answer is for you alone.' });
      }
      const p = principalOf(staff);
      switch (command) {
        case 'help':
          return turn.reply({ card: helpFor(links) });
        case 'my cases':
          await turn.typing();
          return turn.reply({ card: await myCases(deps, p, links) });
        case 'my actions':
          await turn.typing();
          return turn.reply({ card: await myActions(deps, p, links) });
        case 'reviews due':
          await turn.typing();
          return turn.reply({ card: await reviewsDue(deps, p, links) });
        case null:
          return turn.reply({ text: 'Sorry, I did not understand that. Type **help** to see what I can do.' });
      }
    },

    async onInstalled(turn) {
      const staff = await remember(turn);
      if (!staff) return turn.reply({ text: UNKNOWN_PERSON });
      return turn.reply({ card: helpFor(links, `Welcome to ECM for Teams, ${staff.name}`) });
    },

    async onSeen(turn) {
      await remember(turn);
    },

    async onRemoved(turn) {
      const staff = await identifyTeamsUser(deps, turn.user.aadObjectId);
      if (staff && turn.personal) await forgetConversation(deps, staff);
    },

    async onCardAction(user, value) {
      const staff = await identifyTeamsUser(deps, user.aadObjectId);
      if (!staff) return errorCard(UNKNOWN_PERSON);
      const parsed = cardActionSchema.safeParse(value);
      if (!parsed.success) return errorCard('This card’s button sent something I cannot act on. Open ECM for Teams instead.');
      const action = parsed.data.action;
      const card = cardOf(action);
      const p = principalOf(staff);
      let message: string;
      try {
        const done = await performOnce(p, action);
        if (done.outcome === 'done') return await liveCard(deps, p, card, contextFor(user, done.notice));
        message =
          done.outcome === 'still_working'
            ? 'Your first press of this button is still being recorded; look again in a moment.'
            : 'This card’s button was already used for something else. Nothing was changed.';
      } catch (error) {
        if (!(error instanceof DomainError)) logger.error('a card action failed', { verb: action.verb, error: describeError(error) });
        message = error instanceof DomainError ? explain(error) : 'Something went wrong on our side. It has been logged; please try again.';
        // A card drawn before someone else's decision shows what is recorded now, and records nothing.
        const stale = error instanceof DomainError && error.code === 'conflict';
        if (action.verb === 'agreement.record') {
          const typed = stale ? {} : typedAgreement(action.data);
          const warning = stale ? message : `That did not work: ${message} Nothing was changed.`;
          const shown = await liveCard(deps, p, card, { ...contextFor(user), warning }, typed).catch(() => null);
          if (shown) return shown;
        }
      }
      return errorCard(message, showActionOf(card));
    },

    async onMeetingStarted(chat, event) {
      await heard(chat, event, 'start', markMeetingStarted, (m) => meetingStartedCard(m, links));
    },

    async onMeetingEnded(chat, event) {
      // Once the outcome is in (recorded during the meeting), there is nothing left to ask for.
      await heard(chat, event, 'end', markMeetingEnded, (m) => (m.outcomeRecorded ? null : meetingEndedCard(m, links)));
    },
  };
}
