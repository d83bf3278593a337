import express, { Router } from 'express';
import {
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationReference,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { describeError, type Logger } from '../src/lib/logger.js';
import { StoreUnavailableError } from '../src/ports/store.js';
import type { BotApp } from './app.js';
import type { ProactiveSender } from './notifier.js';
import { retryAfterMs, type SendOutcome } from './sendFailures.js';
import type { MeetingChat, Turn } from './turn.js';

/**
 * The ONE file that knows botbuilder (4.23, CloudAdapter, TeamsActivityHandler). It turns
 * activities into calls on the BotApp and cards back into activities. Moving to the Microsoft 365
 * Agents SDK (@microsoft/agents-hosting, same shapes) means rewriting this file only.
 */
export interface BotSettings {
  /** The bot's Entra app id. Without it every activity is accepted unauthenticated: local mode only. */
  appId: string | undefined;
  password: string | undefined;
  appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
  maxBodyBytes: number;
}

/** Replies go to the conversation the activity came in. */
function chatOf(ctx: TurnContext): MeetingChat {
  return {
    reply: async (r) => {
      await ctx.sendActivity('card' in r ? MessageFactory.attachment(CardFactory.adaptiveCard(r.card)) : MessageFactory.text(r.text));
    },
  };
}

/** botbuilder reads the event's StartTime/EndTime into a Date, which may be invalid. */
const instantOf = (d: Date): string => (Number.isNaN(d.getTime()) ? '' : d.toISOString());

function turnOf(ctx: TurnContext): Turn {
  const a = ctx.activity;
  return {
    user: { id: a.from.id, aadObjectId: a.from.aadObjectId },
    reference: TurnContext.getConversationReference(a),
    personal: a.conversation?.conversationType === 'personal',
    ...chatOf(ctx),
    typing: async () => {
      await ctx.sendActivity({ type: ActivityTypes.Typing });
    },
  };
}

/** Maps Teams activities to the bot's logic. Exported for tests, which drive it through botbuilder's TestAdapter. */
export class EcmActivityHandler extends TeamsActivityHandler {
  constructor(private readonly app: BotApp) {
    super();
    this.onMessage(async (ctx, next) => {
      await app.onMessage(turnOf(ctx), ctx.activity.text ?? '');
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      if (ctx.activity.membersAdded?.some((m) => m.id === ctx.activity.recipient.id)) await app.onInstalled(turnOf(ctx));
      await next();
    });
    this.onInstallationUpdateAdd(async (ctx, next) => {
      await app.onSeen(turnOf(ctx));
      await next();
    });
    this.onInstallationUpdateRemove(async (ctx, next) => {
      await app.onRemoved(turnOf(ctx));
      await next();
    });
    // Teams sends these to a meeting's chat (RSC OnlineMeeting.ReadBasic.Chat); botbuilder reads the PascalCase value.
    this.onTeamsMeetingStartEvent(async (meeting, ctx, next) => {
      await app.onMeetingStarted(chatOf(ctx), { chatId: ctx.activity.conversation?.id, at: instantOf(meeting.startTime) });
      await next();
    });
    this.onTeamsMeetingEndEvent(async (meeting, ctx, next) => {
      await app.onMeetingEnded(chatOf(ctx), { chatId: ctx.activity.conversation?.id, at: instantOf(meeting.endTime) });
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.app.onCardAction({ id: ctx.activity.from.id, aadObjectId: ctx.activity.from.aadObjectId }, value);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

/** A stored reference goes back to the platform as it came; these are the fields a send cannot do without. */
const storedReference = z.looseObject({ serviceUrl: z.string().min(1), conversation: z.looseObject({ id: z.string().min(1) }) });

/** botbuilder's RestError, read defensively: status, Teams' error code, Retry-After. */
function outcomeOf(error: unknown): SendOutcome {
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown; response?: { headers?: { get?(name: string): string | undefined } } };
  return {
    ok: false,
    status: typeof e?.statusCode === 'number' ? e.statusCode : null,
    code: typeof e?.code === 'string' ? e.code : null,
    retryAfterMs: retryAfterMs(e?.response?.headers?.get?.('retry-after'), Date.now()),
    error: describeError(error),
  };
}

/** An activity as the Bot Framework posts it: the adapter reads the rest; its instants become dates, as the adapter's own parser makes them. */
const incomingActivity = z
  .looseObject({ type: z.string().min(1), timestamp: z.string().optional(), localTimestamp: z.string().optional(), expiration: z.string().optional() })
  .transform((a) => ({
    ...a,
    ...(a.timestamp ? { rawTimestamp: a.timestamp, timestamp: new Date(a.timestamp) } : {}),
    ...(a.localTimestamp ? { rawLocalTimestamp: a.localTimestamp, localTimestamp: new Date(a.localTimestamp) } : {}),
    ...(a.expiration ? { rawExpiration: a.expiration, expiration: new Date(a.expiration) } : {}),
  }));

/** The CloudAdapter, with its one step that checks and runs an activity open to the host's route. */
class ChatAdapter extends CloudAdapter {
  answer(authorization: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

export interface BotHost {
  /** Mount at /api/messages. */
  router: Router;
  send: ProactiveSender;
}

export function createBotHost(settings: BotSettings, app: BotApp, logger: Logger): BotHost {
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(settings.appId ? { MicrosoftAppId: settings.appId, MicrosoftAppType: settings.appType } : {}),
    ...(settings.password ? { MicrosoftAppPassword: settings.password } : {}),
    ...(settings.tenantId ? { MicrosoftAppTenantId: settings.tenantId } : {}),
  });
  const adapter = new ChatAdapter(auth);
  adapter.onTurnError = async (ctx, error) => {
    // A database outage is logged once by the store, not once per turn; the person is told it passes.
    const outage = error instanceof StoreUnavailableError;
    (outage ? logger.debug : logger.error)('a bot turn failed', { type: ctx.activity.type, error: describeError(error) });
    if (ctx.activity.type !== ActivityTypes.Message) return;
    await ctx.sendActivity(
      outage
        ? 'ECM cannot reach its database just now; nothing was changed. Please try again in a minute.'
        : 'Something went wrong on our side. It has been logged; please try again.',
    );
  };
  const handler = new EcmActivityHandler(app);

  const router = Router();
  // What adapter.process does, but its failures go to our log as one line: the adapter itself
  // prints a refused request's whole stack to the console, which anyone on the internet can cause.
  router.post('/', express.json({ limit: settings.maxBodyBytes }), async (req, res) => {
    const activity = incomingActivity.safeParse(req.body);
    if (!activity.success) return res.status(400).end();
    try {
      const answer = await adapter.answer(req.get('authorization') ?? '', activity.data as Activity, (ctx) => handler.run(ctx));
      res.status(answer?.status ?? 200);
      return answer?.body === undefined ? res.end() : res.send(answer.body);
    } catch (error) {
      const refused = (error as { statusCode?: unknown } | null)?.statusCode === 401;
      if (refused) logger.warn('a request to the bot was refused: it was not signed by the Bot Framework', { error: describeError(error) });
      else logger.error('a request to the bot failed', { error: describeError(error) });
      return res.status(refused ? 401 : 500).end();
    }
  });

  const send: ProactiveSender = async (reference, card) => {
    const parsed = storedReference.safeParse(reference);
    if (!parsed.success)
      return { ok: false, status: 404, code: 'InvalidStoredReference', retryAfterMs: null, error: 'the stored conversation reference is incomplete' };
    // The adapter hands errors inside a turn to onTurnError; the outbox needs them, so they are caught here.
    let failure: unknown = null;
    try {
      await adapter.continueConversationAsync(settings.appId ?? '', parsed.data as unknown as ConversationReference, async (ctx) => {
        try {
          await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    return failure === null ? { ok: true } : outcomeOf(failure);
  };

  return { router, send };
}
