import type { RequestHandler } from 'express';
import type { AppDeps } from '../src/app/deps.js';
import type { Logger } from '../src/lib/logger.js';
import type { Notifier } from '../src/ports/notifier.js';
import type { BotHost, BotSettings } from './host.js';
import type { TabLinks } from './links.js';
import { type ProactiveSender, teamsNotifier } from './notifier.js';

/**
 * The bot, loaded the first time it is needed: a message to /api/messages or a card to send.
 * botbuilder and the card templating hold about 70 MB of memory, which a server nobody messages
 * and that sends nothing never pays. A load that fails is tried again the next time.
 */
export function botOnDemand(settings: BotSettings, deps: AppDeps, links: TabLinks, logger: Logger): { handler: RequestHandler; notifier: Notifier } {
  let host: Promise<BotHost> | null = null;
  const load = () =>
    (host ??= (async () => {
      const [{ createBotHost }, { createBotApp }] = await Promise.all([import('./host.js'), import('./app.js')]);
      return createBotHost(settings, createBotApp(deps, links, logger), logger);
    })().catch((error: unknown) => {
      host = null;
      throw error;
    }));
  const send: ProactiveSender = async (reference, card) => (await load()).send(reference, card);
  return {
    handler: (req, res, next) => {
      load().then((bot) => bot.router(req, res, next), next);
    },
    notifier: teamsNotifier(deps, send, links),
  };
}
