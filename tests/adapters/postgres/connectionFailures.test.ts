import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isPostgresUnavailable } from '../../../src/adapters/postgres/connectionFailures.js';
import { connectionSettings, openPostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { findPostgresServer } from '../../support/postgresServer.js';
import { freePort } from '../../support/serverProcess.js';

/** What a real server and a real driver say, sorted into "try again later" and "this request is wrong". */
const server = await findPostgresServer();

async function failureOf(settings: pg.ClientConfig, query: string): Promise<unknown> {
  const client = new pg.Client(settings);
  try {
    await client.connect();
    await client.query(query);
    return null;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('a PostgreSQL failure', () => {
  it('is unavailability when nothing listens where the server should be', async () => {
    const url = `postgres://127.0.0.1:${await freePort()}/ecm`;
    const failure = await openPostgresStore({ url, timeouts: { connectMs: 2000 } }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(isPostgresUnavailable(failure)).toBe(true);
  });

  it.skipIf(!server.available)('is unavailability when a statement outlives statement_timeout, and not when the statement is wrong', async () => {
    const url = server.available ? server.url : '';
    const slow = await failureOf(connectionSettings({ url, timeouts: { statementMs: 100 } }, 'test'), 'select pg_sleep(2)');
    expect(slow).toMatchObject({ code: '57014' });
    expect(isPostgresUnavailable(slow)).toBe(true);
    const wrong = await failureOf(connectionSettings({ url }, 'test'), 'select * from no_such_table_anywhere');
    expect(wrong).toMatchObject({ code: '42P01' });
    expect(isPostgresUnavailable(wrong)).toBe(false);
  });
});
