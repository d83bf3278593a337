import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { devSessionIdentity } from './adapters/local/devSessionIdentity.js';
import { fileSystemLibrary } from './adapters/local/fileSystemLibrary.js';
import { staffDirectory } from './adapters/local/staffDirectory.js';
import { connectMicrosoft365, type Microsoft365 } from './adapters/m365/connect.js';
import { icsFileCalendar } from './adapters/local/icsFileCalendar.js';
import { memoryCaseEventBus } from './adapters/local/memoryCaseEventBus.js';
import { systemClock } from './adapters/local/systemClock.js';
import { openSqliteStore } from './adapters/sqlite/openSqliteStore.js';
import { calendarSyncDeliverer } from './app/deliverCalendarSync.js';
import type { AppDeps } from './app/deps.js';
import { CALENDAR_SYNC_KIND } from './app/meetings.js';
import { documentDeliverer } from './app/deliverDocument.js';
import { DOCUMENT_PUBLISH_KIND } from './app/publishCaseDocument.js';
import { ConfigError, type Config } from './config.js';
import { seedDemoData } from './demo/seed.js';
import { documentRoutes } from './http/routes/documents.js';
import { outsideServiceRoutes } from './http/routes/outsideServices.js';
import { createHttpApp } from './http/server.js';
import { startOutboxWorker, type OutboxWorker } from './jobs/outboxWorker.js';
import { createLogger, describeError, type Logger } from './lib/logger.js';
import type { Clock } from './ports/clock.js';
import type { Directory } from './ports/directory.js';
import type { DocumentLibrary } from './ports/documentLibrary.js';
import type { MeetingCalendar } from './ports/meetingCalendar.js';
import type { Store } from './ports/store.js';

/**
 * The one place where adapters are chosen. Everything else receives its ports from here.
 */
export interface System {
  config: Config;
  deps: AppDeps;
  /** The adapters chosen for this mode, for jobs and tests that reach past the HTTP API. */
  ports: { library: DocumentLibrary; calendar: MeetingCalendar; directory: Directory };
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
  /** Microsoft 365 mode against local doubles: a fetch that trusts their certificate, and no real sleeping. */
  fetch?: typeof fetch;
  graphSleep?: (ms: number) => Promise<void>;
}

export async function compose(config: Config, overrides: Overrides = {}): Promise<System> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const dataDir = resolve(config.DATA_DIR);
  const store = overrides.store ?? (await openSqliteStore({ dataDir: config.DATA_DIR }));
  const bus = memoryCaseEventBus((error) => logger.warn('a case watcher failed', { error: describeError(error) }));
  const deps: AppDeps = { store, bus, clock, newId: randomUUID };

  if (config.ECM_DEMO_DATA && (await seedDemoData(store, deps, { cases: overrides.seedDemoCases ?? true }))) logger.info('loaded the fictional demo data');

  let m365: Microsoft365 | null = null;
  if (config.ECM_MODE === 'm365') {
    const mapped = config.ECM_SERVICE_LIBRARIES ?? {};
    const unmapped = (await store.transaction((tx) => tx.services.list())).filter((s) => !mapped[s.id]);
    if (unmapped.length) throw new ConfigError(unmapped.map((s) => `ECM_SERVICE_LIBRARIES: service ${s.id} has no SharePoint library`));
    m365 = connectMicrosoft365(config, {
      store,
      clock,
      logger,
      ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
      ...(overrides.graphSleep ? { sleep: overrides.graphSleep } : {}),
    });
  }
  const identity = m365?.identity ?? devSessionIdentity(store, clock);
  const calendar = m365?.calendar ?? icsFileCalendar(join(dataDir, 'calendar'), clock);
  const libraryDir = config.ECM_LIBRARY_DIR ?? (config.DATA_DIR === ':memory:' ? join(tmpdir(), `ecm-library-${randomUUID()}`) : join(dataDir, 'library'));
  const library = m365?.library ?? fileSystemLibrary(resolve(libraryDir), clock);
  const directory = m365?.directory ?? staffDirectory(store);

  const worker = startOutboxWorker(
    {
      store,
      clock,
      logger,
      pollMs: config.OUTBOX_POLL_MS,
      deliverers: {
        [CALENDAR_SYNC_KIND]: calendarSyncDeliverer({ store, calendar, clock, bus }),
        [DOCUMENT_PUBLISH_KIND]: documentDeliverer({ store, library, clock, bus }),
      },
    },
    overrides.startWorker ?? true,
  );

  const http = createHttpApp({
    deps,
    identity,
    logger,
    devSignIn: config.devSignIn,
    sessionHours: config.SESSION_HOURS,
    maxBodyBytes: config.MAX_BODY_BYTES,
    writesPerMinute: config.RATE_LIMIT_WRITES_PER_MINUTE,
    apiRouters: [documentRoutes(deps, library), outsideServiceRoutes(deps, calendar, directory)],
  });

  let server: Server | null = null;
  return {
    config,
    deps,
    ports: { library, calendar, directory },
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
      await worker.stop();
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((ok) => s.close(() => ok()));
      }
      await bus.close();
      await store.close();
    },
  };
}
