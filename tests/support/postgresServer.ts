import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectionSettings } from '../../src/adapters/postgres/openPostgresStore.js';

/**
 * The PostgreSQL server some tests need, named by TEST_DATABASE_URL (CI: .ci/run sets it). Without
 * it those tests are skipped, saying why; in CI a server that does not answer fails them instead.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export type PostgresServer = { available: true; url: string } | { available: false; why: string };

export async function findPostgresServer(): Promise<PostgresServer> {
  if (!TEST_DATABASE_URL) {
    return { available: false, why: 'no PostgreSQL server: set TEST_DATABASE_URL (e.g. postgres://127.0.0.1:5432/test) to run these tests' };
  }
  const client = new pg.Client({ ...connectionSettings({ url: TEST_DATABASE_URL }, 'test probe'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true, url: TEST_DATABASE_URL };
  } catch (error) {
    if (process.env.CI) throw new Error(`TEST_DATABASE_URL is set but the server does not answer: ${String(error)}`);
    return { available: false, why: `the PostgreSQL server at TEST_DATABASE_URL does not answer (${String(error)})` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A schema of its own for one store or one test server, dropped afterwards, so runs never meet. */
export function freshSchemaName(): string {
  return `ecm_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client(connectionSettings({ url }, 'test clean-up'));
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
