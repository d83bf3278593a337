import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Express } from 'express';
import { tabLinks } from '../bot/links.js';
import { botOnDemand } from '../bot/onDemand.js';
import { devSessionIdentity } from './adapters/local/devSessionIdentity.js';
import { fileSystemLibrary } from './adapters/local/fileSystemLibrary.js';
import { icsFileCalendar } from './adapters/local/icsFileCalendar.js';
import { memoryCaseEventBus } from './adapters/local/memoryCaseEventBus.js';
import { staffDirectory } from './adapters/local/staffDirectory.js';
import { systemClock } from './adapters/local/systemClock.js';
import type { Microsoft365 } from './adapters/m365/connect.js';
import { resvgRasteriser } from './adapters/resvg/resvgRasteriser.js';
import { openSqliteStore } from './adapters/sqlite/openSqliteStore.js';
import { storeWriteTally } from './adapters/sql/writeTally.js';
import { memoryWriteTally } from './adapters/local/memoryWriteTally.js';
import type { WriteTally } from './ports/writeTally.js';
import type { AppDeps } from './app/deps.js';
import { ConfigError, type Config } from './config.js';
import { seedDemoData } from './demo/seed.js';
import { registerServices } from './app/services/registerServices.js';
import { legalPages } from './http/routes/legalPages.js';
import { type SetupWatch, watchSetup } from './http/readiness.js';
import { createHttpApp } from './http/server.js';
import { cachingSessions } from './http/sessionCache.js';
import { tabRoutes } from './http/tab.js';
import { instanceId } from './jobs/instanceId.js';
import { startOutboxWorker, type OutboxWorker } from './jobs/outboxWorker.js';
import { waitWithoutPlace } from './lib/deliveryPlaces.js';
import { deliverers } from './jobs/registry.js';
import { startReviewReminders } from './jobs/reviewReminders.js';
import { startAgreementAgainPrompts } from './jobs/agreementAgainPrompts.js';
import { createLogger, describeError, type Logger } from './lib/logger.js';
import { projectRoot } from './lib/projectRoot.js';
import type { CaseEventBus } from './ports/caseEventBus.js';
import type { Clock } from './ports/clock.js';
import type { DocumentLibrary } from './ports/documentLibrary.js';
import type { Deliverer } from './ports/outbox.js';
import { StoreUnavailableError, type Store } from './ports/store.js';
import type { OutageReport } from './adapters/sql/unavailability.js';

/**
 * The one place where adapters are chosen. Everything else receives its ports from here.
 */
export interface System {
  config: Config;
  /** Every port, as the adapters chosen for this mode fill them: tests reach past the HTTP API through these. */
  deps: AppDeps;
  http: Express;
  logger: Logger;
  worker: OutboxWorker;
  /** Microsoft 365 mode: the set-up checks behind /readyz. */
  setup?: SetupWatch;
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
  /** A document library in place of the one the mode chooses. */
  library?: DocumentLibrary;
  /** Deliverers of further outbox kinds, beside the built-in ones (tests count deliveries this way). */
  deliverers?: Record<string, Deliverer>;
  /** Microsoft 365 mode against local doubles: a fetch that trusts their certificate, and no real sleeping. */
  fetch?: typeof fetch;
  graphSleep?: (ms: number) => Promise<void>;
  /**
   * The write limit counts by the wall clock, not the (fixed) clock of the record: tests that must
   * not see a minute turn mid-test give it a clock of their own.
   */
  /** Where the write limit counts (the benchmark's statement count gives a PostgreSQL store's own). */
  writeTally?: WriteTally;
  writeLimitClock?: Clock;
}

/**
 * The database, and the bus that tells watchers of a case what changed. On PostgreSQL (DATABASE_URL)
 * several instances share both: events pass through the database to every instance.
 */
async function openDatabase(config: Config, logger: Logger, given: Store | undefined): Promise<{ store: Store; bus: CaseEventBus }> {
  // An outage is logged once as it begins and once as it ends (the store tells); background work
  // that retries through it says so only at debug, so a minute down is not a minute of warnings.
  const quietWhileDown = (message: string, isUnavailable: (error: unknown) => boolean) => (error: unknown) =>
    (isUnavailable(error) ? logger.debug : logger.warn)(message, { error: describeError(error) });
  const outage: OutageReport = {
    began: (error) => logger.warn('the database is not answering: requests get 503 until it does', { error: describeError(error) }),
    ended: (failures) => logger.info('the database answers again', { refusedMeanwhile: failures }),
  };
  if (!config.DATABASE_URL) {
    const store = given ?? (await openSqliteStore({ dataDir: config.DATA_DIR, busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS, outage }));
    return { store, bus: memoryCaseEventBus(quietWhileDown('a case watcher failed', isStoreUnavailable)) };
  }
  // Loaded only when chosen: a server that never uses PostgreSQL or Microsoft 365 does not hold their clients in memory.
  const { openPostgresStore } = await import('./adapters/postgres/openPostgresStore.js');
  const { listenForCaseEvents } = await import('./adapters/postgres/postgresCaseEventBus.js');
  const { isPostgresUnavailable, waitForTheServer } = await import('./adapters/postgres/connectionFailures.js');
  const unavailable = (error: unknown) => isStoreUnavailable(error) || isPostgresUnavailable(error);
  const postgres = {
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    timeouts: {
      connectMs: config.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  };
  const waiting = (attempt: number, retryInMs: number, error: unknown) =>
    logger.warn('waiting for the database before starting', { attempt, retryInMs, error: describeError(error) });
  const store =
    given ??
    (await waitForTheServer(
      () =>
        openPostgresStore({
          ...postgres,
          poolSize: config.DATABASE_POOL_SIZE,
          outage,
          onConnectionError: quietWhileDown('a database connection failed', unavailable),
        }),
      waiting,
    ));
  try {
    const onError = quietWhileDown('live case updates failed', unavailable);
    return { store, bus: await waitForTheServer(() => listenForCaseEvents({ ...postgres, store, onError }), waiting) };
  } catch (error) {
    if (!given) await store.close();
    throw error;
  }
}

const isStoreUnavailable = (error: unknown) => error instanceof StoreUnavailableError;

/** Microsoft 365 mode: there is a service to work in, and every service has its library, before anything starts. */
async function assertEveryServiceHasALibrary(config: Config, store: Store): Promise<void> {
  if (config.ECM_MODE !== 'm365') return;
  const mapped = config.ECM_SERVICE_LIBRARIES ?? {};
  const services = await store.transaction((tx) => tx.services.list());
  if (services.length === 0)
    throw new ConfigError(['ECM_SERVICES: no service is set up: name the services this deployment serves, e.g. {"BRI":"Bristol Youth Justice Service"}']);
  const unmapped = services.filter((s) => !mapped[s.id]);
  if (unmapped.length) throw new ConfigError(unmapped.map((s) => `ECM_SERVICE_LIBRARIES: service ${s.id} has no SharePoint library`));
}

async function openMicrosoft365(config: Config, store: Store, clock: Clock, logger: Logger, overrides: Overrides): Promise<Microsoft365 | null> {
  if (config.ECM_MODE !== 'm365') return null;
  const { connectMicrosoft365 } = await import('./adapters/m365/connect.js');
  return connectMicrosoft365(config, {
    store,
    clock,
    logger,
    ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    // A delivery waiting out Graph's Retry-After gives its place to another job meanwhile.
    sleep: overrides.graphSleep ?? waitWithoutPlace,
  });
}

async function setupChecks(config: Config, overrides: Overrides) {
  const { checkMicrosoft365 } = await import('./adapters/m365/setupChecks.js');
  return () => checkMicrosoft365(config, { thorough: false, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) });
}

export async function compose(config: Config, overrides: Overrides = {}): Promise<System> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const { store, bus } = await openDatabase(config, logger, overrides.store);
  const m365 = await openMicrosoft365(config, store, clock, logger, overrides);
  // Files kept beside the database (calendar, local library). An in-memory database keeps them in a
  // scratch folder removed on stop, never in the working tree.
  const scratch = config.DATA_DIR === ':memory:' ? mkdtempSync(join(tmpdir(), 'ecm-files-')) : null;
  const filesDir = scratch ?? resolve(config.DATA_DIR);
  const deps: AppDeps = {
    store,
    bus,
    clock,
    newId: randomUUID,
    directory: m365?.directory ?? staffDirectory(store),
    // Looked up once, then trusted for SESSION_CACHE_SECONDS: docs/architecture.md, "Signed-in sessions".
    identity: cachingSessions(m365?.identity ?? devSessionIdentity(store, clock), { ttlMs: config.SESSION_CACHE_SECONDS * 1000, clock }),
    calendar: m365?.calendar ?? icsFileCalendar(join(filesDir, 'calendar'), clock),
    library: overrides.library ?? m365?.library ?? fileSystemLibrary(resolve(config.ECM_LIBRARY_DIR ?? join(filesDir, 'library')), clock),
    rasteriser: resvgRasteriser(),
    notifier: null,
    ...(config.ECM_PSEUDONYM_KEY ? { pseudonymKey: config.ECM_PSEUDONYM_KEY } : {}),
  };

  if (config.ECM_DEMO_DATA && (await seedDemoData(store, deps, { cases: overrides.seedDemoCases ?? true }))) logger.info('loaded the fictional demo data');
  if (config.ECM_SERVICES) {
    const { added, renamed } = await registerServices(deps, config.ECM_SERVICES);
    if (added.length || renamed.length) logger.info('services set up from ECM_SERVICES', { added: added.join(','), renamed: renamed.join(',') });
  }
  await assertEveryServiceHasALibrary(config, store);

  // The bot: in local mode it needs no app id; in Microsoft 365 mode it waits for BOT_ID (notifications stay queued).
  const links = tabLinks({ teamsAppId: config.TEAMS_APP_CATALOG_ID ?? config.TEAMS_APP_ID, publicBaseUrl: config.PUBLIC_BASE_URL });
  const bot = config.botEnabled
    ? botOnDemand(
        {
          appId: config.BOT_ID,
          password: config.SECRET_BOT_PASSWORD,
          appType: config.BOT_TYPE,
          tenantId: config.BOT_TENANT_ID,
          maxBodyBytes: config.MAX_BODY_BYTES,
        },
        deps,
        links,
        logger,
      )
    : null;
  if (bot) deps.notifier = bot.notifier;
  else logger.warn('the bot is off until BOT_ID is set; notifications wait in the outbox');
  if (bot && config.ECM_MODE === 'local') {
    deps.messagesWaitForPlayground = true;
    logger.info('local mode: Teams messages wait until each person opens the bot in the Agents Playground (npm run playground); nothing is lost meanwhile');
  }

  const worker = startOutboxWorker(
    {
      store,
      clock,
      logger,
      pollMs: config.OUTBOX_POLL_MS,
      concurrency: config.OUTBOX_CONCURRENCY,
      leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
      workerId: instanceId(filesDir),
      deliverers: { ...overrides.deliverers, ...deliverers(deps, { notificationsPerMinute: config.BOT_NOTIFICATIONS_PER_MINUTE }) },
    },
    overrides.startWorker ?? true,
  );
  const reminders = startReviewReminders(deps, logger, (overrides.startWorker ?? true) ? config.REVIEW_REMINDERS_EVERY_MINUTES : 0);
  const agreementAgain = startAgreementAgainPrompts(deps, logger, (overrides.startWorker ?? true) ? config.AGREEMENT_AGAIN_EVERY_MINUTES : 0);

  // Microsoft 365 mode: the doctor's cheap checks, in the background, for /readyz.
  const setup = m365 ? watchSetup(await setupChecks(config, overrides), logger) : undefined;
  const http = createHttpApp({
    deps,
    logger,
    devSignIn: config.devSignIn,
    sessionHours: config.SESSION_HOURS,
    maxBodyBytes: config.MAX_BODY_BYTES,
    writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
    // Instances on one PostgreSQL database share one count per person; the embedded one has one process.
    writeTally: overrides.writeTally ?? (config.DATABASE_URL ? storeWriteTally(store) : memoryWriteTally()),
    writeLimitClock: overrides.writeLimitClock ?? systemClock,
    ...(setup ? { setup } : {}),
    mounts: [
      ...(bot ? [{ path: '/api/messages', handler: bot.handler }] : []),
      { path: '/tab', handler: tabRoutes(join(projectRoot, 'tab', 'dist')) },
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
    ...(setup ? { setup } : {}),
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
      setup?.stop();
      reminders.stop();
      agreementAgain.stop();
      await worker.stop();
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((ok) => s.close(() => ok()));
      }
      await bus.close();
      await store.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}
