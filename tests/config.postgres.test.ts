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
});
