import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/adapters/local/systemClock.js';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { compose, type Overrides, type System } from '../../src/composition.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/lib/logger.js';
import { dropSchema, freshSchemaName } from './postgresServer.js';

export const TODAY = '2026-11-27T10:00:00.000Z';

export interface TestServer {
  system: System;
  url: string;
  clock: ReturnType<typeof fixedClock>;
  signIn(staffId: string): Promise<Api>;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Api {
  token: string;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  raw(path: string, init: RequestInit): Promise<Response>;
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
  const apiFor = (token: string): Api => {
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: leave the text
      }
      return { status: res.status, headers: res.headers, body: parsed as any };
    };
    return {
      token,
      get: (path, headers) => call('GET', path, undefined, headers),
      post: (path, body, headers) => call('POST', path, body, headers),
      put: (path, body, headers) => call('PUT', path, body, headers),
      raw: (path, init) => fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } }),
    };
  };
  return {
    system,
    url,
    clock,
    async signIn(staffId) {
      const res = await fetch(`${url}/api/v1/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId }),
      });
      if (res.status !== 201) throw new Error(`sign-in as ${staffId} failed: ${res.status} ${await res.text()}`);
      return apiFor(((await res.json()) as { token: string }).token);
    },
    async close() {
      await system.stop();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postgresForTests() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ECM_TEST_STORE=postgres needs TEST_DATABASE_URL, e.g. postgres://127.0.0.1:5432/test');
  const schema = freshSchemaName();
  return { env: { DATABASE_URL: url, DATABASE_SCHEMA: schema }, drop: () => dropSchema(url, schema) };
}
