import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/adapters/local/systemClock.js';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { compose, type Overrides, type System } from '../../src/composition.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/lib/logger.js';
import { type Api, signInAt } from './httpApi.js';
import { dropSchema, freshSchemaName } from './postgresServer.js';

export type { Api, ApiResponse } from './httpApi.js';

export const TODAY = '2026-11-27T10:00:00.000Z';

export interface TestServer {
  system: System;
  url: string;
  clock: ReturnType<typeof fixedClock>;
  signIn(staffId: string): Promise<Api>;
  close(): Promise<void>;
}

/**
 * The real server on an ephemeral port, over an in-memory SQLite database with the demo people
 * (no demo cases unless `demoCases`), a clock fixed at TODAY, and the outbox driven by hand.
 * With ECM_TEST_STORE=postgres, over a fresh schema of the server at TEST_DATABASE_URL instead
 * (`npm run test:postgres`), so every HTTP suite also runs on PostgreSQL.
 */
export async function startTestServer(options: { env?: Record<string, string>; overrides?: Overrides } = {}): Promise<TestServer> {
  const clock = fixedClock(TODAY);
  // The database is in memory (or a fresh PostgreSQL schema); files the system keeps beside it
  // (calendar, documents) go to a temp dir.
  const dataDir = mkdtempSync(join(tmpdir(), 'ecm-test-'));
  const givenDatabase = Boolean(options.env?.DATABASE_URL || options.overrides?.store);
  const postgres = process.env.ECM_TEST_STORE === 'postgres' && !givenDatabase ? postgresForTests() : null;
  const config = parseConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...postgres?.env, ...options.env });
  const store = postgres || givenDatabase ? undefined : await openSqliteStore({ dataDir: ':memory:' });
  const system = await compose(config, { clock, logger: silentLogger, store, startWorker: false, seedDemoCases: false, ...options.overrides });
  const { url } = await system.listen();
  return {
    system,
    url,
    clock,
    signIn: (staffId) => signInAt(url, staffId),
    async close() {
      await system.stop();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every audit event the server has written, in all its chains. */
export const auditTrail = (t: TestServer) =>
  t.system.deps.store.transaction(async (tx) => (await Promise.all((await tx.audit.chains()).map((c) => tx.audit.read(c, 0, 10_000)))).flat());

function postgresForTests() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ECM_TEST_STORE=postgres needs TEST_DATABASE_URL, e.g. postgres://127.0.0.1:5432/test');
  const schema = freshSchemaName();
  return { env: { DATABASE_URL: url, DATABASE_SCHEMA: schema }, drop: () => dropSchema(url, schema) };
}
