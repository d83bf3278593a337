import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { devSessionIdentity } from './adapters/local/devSessionIdentity.js';
import { icsFileCalendar } from './adapters/local/icsFileCalendar.js';
import { resvgRasteriser } from './adapters/resvg/resvgRasteriser.js';
import { memoryCaseEventBus } from './adapters/local/memoryCaseEventBus.js';
import { systemClock } from './adapters/local/systemClock.js';
import { openPostgresStore } from './adapters/postgres/openPostgresStore.js';
import { listenForCaseEvents } from './adapters/postgres/postgresCaseEventBus.js';
import { openSqliteStore } from './adapters/sqlite/openSqliteStore.js';
import { createBotApp } from '../bot/app.js';
import { createBotHost } from '../bot/host.js';
import { tabLinks } from '../bot/links.js';
import { teamsNotifier } from '../bot/notifier.js';
import { calendarSyncDeliverer } from './app/deliverCalendarSync.js';
import { notificationDeliverer } from './app/deliverNotification.js';
import { NOTIFY_KIND } from './app/notify.js';
import type { AppDeps } from './app/deps.js';
import { CALENDAR_SYNC_KIND } from './app/meetings.js';
import type { Config } from './config.js';
import { seedDemoData } from './demo/seed.js';
import { documentRoutes } from './http/routes/documents.js';
import { legalPages } from './http/routes/legalPages.js';
import { oversightRoutes } from './http/routes/oversight.js';
import { reachRoutes } from './http/routes/reach.js';
import { createHttpApp } from './http/server.js';
import { tabRoutes } from './http/tab.js';
import { startOutboxWorker, type Deliverer, type OutboxWorker } from './jobs/outboxWorker.js';
import { startReviewReminders } from './jobs/reviewReminders.js';
import { createLogger, describeError, type Logger } from './lib/logger.js';
import type { CaseEventBus } from './ports/caseEventBus.js';
import type { Clock } from './ports/clock.js';
import type { DocumentLibrary } from './ports/documentLibrary.js';
import type { Store } from './ports/store.js';

/**
 * The one place where adapters are chosen. Everything else receives its ports from here.
 */
export interface System {
  config: Config;
  deps: AppDeps;
  http: Express;
  logger: Logger;
  worker: OutboxWorker;
  listen(): Promise<{ server: Server; url: string }>;
  stop(): Promise<void>;
}

export interface Overrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  /** Tests drive the outbox by hand with worker.runOnce(). */
  startWorker?: boolean;
  /** Tests load the demo people but make their own cases. */
  seedDemoCases?: boolean;
  /** The case document library; until an adapter is chosen here, tests pass their own. */
  library?: DocumentLibrary;
  /** Deliverers of further outbox kinds, beside the built-in ones (tests count deliveries this way). */
  deliverers?: Record<string, Deliverer>;
}

/**
 * The database, and the bus that tells watchers of a case what changed. On PostgreSQL (DATABASE_URL)
 * several instances share both: events pass through the database to every instance.
 */
async function openDatabase(config: Config, logger: Logger, given: Store | undefined): Promise<{ store: Store; bus: CaseEventBus }> {
  const warn = (message: string) => (error: unknown) => logger.warn(message, { error: describeError(error) });
  if (!config.DATABASE_URL) {
    return { store: given ?? (await openSqliteStore({ dataDir: config.DATA_DIR })), bus: memoryCaseEventBus(warn('a case watcher failed')) };
  }
  const postgres = { url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA };
  const store = given ?? (await openPostgresStore({ ...postgres, poolSize: config.DATABASE_POOL_SIZE, onIdleError: warn('a database connection failed') }));
  try {
    return { store, bus: await listenForCaseEvents({ ...postgres, store, onError: warn('live case updates failed') }) };
  } catch (error) {
    if (!given) await store.close();
    throw error;
  }
}

export async function compose(config: Config, overrides: Overrides = {}): Promise<System> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const dataDir = resolve(config.DATA_DIR);
  const { store, bus } = await openDatabase(config, logger, overrides.store);
  const deps: AppDeps = { store, bus, clock, newId: randomUUID };

  if (config.ECM_DEMO_DATA && (await seedDemoData(store, deps, { cases: overrides.seedDemoCases ?? true }))) logger.info('loaded the fictional demo data');

  const identity = devSessionIdentity(store, clock);
  const rasteriser = resvgRasteriser();
  const library = overrides.library ?? null;
  // An in-memory database (tests) keeps its calendar files out of the working tree.
  const temporaryCalendar = config.DATA_DIR === ':memory:';
  const calendarDir = temporaryCalendar ? mkdtempSync(join(tmpdir(), 'ecm-calendar-')) : join(dataDir, 'calendar');
  const calendar = icsFileCalendar(calendarDir, clock);

  // The bot: in local mode it needs no app id; in Microsoft 365 mode it waits for BOT_ID (notifications stay queued).
  const links = tabLinks({ teamsAppId: config.TEAMS_APP_ID, publicBaseUrl: config.PUBLIC_BASE_URL });
  const bot = config.botEnabled
    ? createBotHost(
        {
          appId: config.BOT_ID,
          password: config.SECRET_BOT_PASSWORD,
          appType: config.BOT_TYPE,
          tenantId: config.BOT_TENANT_ID,
          maxBodyBytes: config.MAX_BODY_BYTES,
        },
        createBotApp(deps, links, logger),
        logger,
      )
    : null;
  if (!bot) logger.warn('the bot is off until BOT_ID is set; notifications wait in the outbox');

  const worker = startOutboxWorker(
    {
      store,
      clock,
      logger,
      pollMs: config.OUTBOX_POLL_MS,
      deliverers: {
        ...overrides.deliverers,
        [CALENDAR_SYNC_KIND]: calendarSyncDeliverer({ store, calendar, clock, bus }),
        ...(bot
          ? {
              [NOTIFY_KIND]: notificationDeliverer({
                store,
                clock,
                bus,
                notifier: teamsNotifier(deps, bot.send, links),
                perMinute: config.BOT_NOTIFICATIONS_PER_MINUTE,
              }),
            }
          : {}),
      },
    },
    overrides.startWorker ?? true,
  );
  const reminders = startReviewReminders(deps, logger, (overrides.startWorker ?? true) ? config.REVIEW_REMINDERS_EVERY_MINUTES : 0);

  const http = createHttpApp({
    deps,
    identity,
    logger,
    devSignIn: config.devSignIn,
    sessionHours: config.SESSION_HOURS,
    maxBodyBytes: config.MAX_BODY_BYTES,
    writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
    apiRouters: [documentRoutes(deps, rasteriser), oversightRoutes(deps, library), reachRoutes(deps)],
    mounts: [
      ...(bot ? [{ path: '/api/messages', handler: bot.router }] : []),
      { path: '/tab', handler: tabRoutes(resolve(import.meta.dirname, '..', 'tab', 'dist')) },
      { path: '/', handler: legalPages() },
    ],
  });

  let server: Server | null = null;
  return {
    config,
    deps,
    http,
    logger,
    worker,
    listen: () =>
      new Promise((ok, fail) => {
        const s = http.listen(config.PORT, config.HOST, () => {
          server = s;
          const address = s.address();
          const port = typeof address === 'object' && address ? address.port : config.PORT;
          ok({ server: s, url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}` });
        });
        s.once('error', fail);
      }),
    async stop() {
      reminders.stop();
      await worker.stop();
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((ok) => s.close(() => ok()));
      }
      await bus.close();
      await store.close();
      if (temporaryCalendar) rmSync(calendarDir, { recursive: true, force: true });
    },
  };
}
