import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, findPostgresServer, freshSchemaName } from '../../support/postgresServer.js';

/**
 * The databases the reliability suite runs on: the embedded one always; PostgreSQL when
 * TEST_DATABASE_URL names a server that answers (CI sets it; without it those runs are skipped and
 * say why, and with CI=true a server that does not answer fails them).
 */
export const postgres = await findPostgresServer();
if (!postgres.available) console.warn(`Reliability on PostgreSQL skipped: ${postgres.why}`);

export interface StoreUnderTest {
  name: 'embedded' | 'postgres';
  /** What a server process needs to use this database. */
  env: Record<string, string>;
  dataDir: string;
  remove(): Promise<void>;
}

export const STORES = postgres.available ? (['embedded', 'postgres'] as const) : (['embedded'] as const);

export function storeUnderTest(name: 'embedded' | 'postgres'): StoreUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecm-reliability-'));
  if (name === 'embedded' || !postgres.available) {
    return { name: 'embedded', env: { DATA_DIR: dataDir }, dataDir, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = freshSchemaName();
  const url = postgres.url;
  return {
    name,
    env: { DATA_DIR: dataDir, DATABASE_URL: url, DATABASE_SCHEMA: schema },
    dataDir,
    async remove() {
      await dropSchema(url, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
