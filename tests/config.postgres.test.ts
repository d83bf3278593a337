import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('the PostgreSQL settings', () => {
  it('take a server URL, a schema of its own and a pool size', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://ecm@db.internal:5432/ecm', DATABASE_SCHEMA: 'ecm_staging', DATABASE_POOL_SIZE: '25' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgres://ecm@db.internal:5432/ecm', DATABASE_SCHEMA: 'ecm_staging', DATABASE_POOL_SIZE: 25 });
    expect(parseConfig({}).DATABASE_POOL_SIZE).toBe(10);
  });

  it('list every mistake at once: a schema without a server, a schema name that is not one, a pool of one', () => {
    expect(problems({ DATABASE_SCHEMA: 'ecm; drop table cases', DATABASE_POOL_SIZE: '1' })).toEqual([
      expect.stringMatching(/^DATABASE_SCHEMA: is a lower-case schema name/),
      expect.stringMatching(/^DATABASE_POOL_SIZE: /),
      'DATABASE_SCHEMA: is used only with DATABASE_URL (PostgreSQL)',
    ]);
    expect(problems({ DATABASE_SCHEMA: 'ecm' })).toEqual(['DATABASE_SCHEMA: is used only with DATABASE_URL (PostgreSQL)']);
  });

  it('bound how long a stalled database is waited for, with defaults that answer 503 within seconds', () => {
    expect(parseConfig({})).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 3000,
      DATABASE_STATEMENT_TIMEOUT_MS: 5000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 10_000,
      SQLITE_BUSY_TIMEOUT_MS: 1000,
    });
    expect(parseConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '30000', SQLITE_BUSY_TIMEOUT_MS: '0' })).toMatchObject({
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      SQLITE_BUSY_TIMEOUT_MS: 0,
    });
    expect(problems({ DATABASE_CONNECT_TIMEOUT_MS: '0', DATABASE_STATEMENT_TIMEOUT_MS: 'soon', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '-1' })).toEqual([
      expect.stringMatching(/^DATABASE_CONNECT_TIMEOUT_MS: /),
      expect.stringMatching(/^DATABASE_STATEMENT_TIMEOUT_MS: /),
      expect.stringMatching(/^DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: /),
    ]);
  });
});
