import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { preparePostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import type { Database } from '../../../src/adapters/sql/schema.js';
import { describeStoreContract } from '../../ports/store.contract.js';
import { PGliteDialect } from '../../support/pgliteDialect.js';

/**
 * PostgreSQL in this process (PGlite): no server needed, so every `npm test` runs the PostgreSQL
 * store's migrations and queries. One session, so transactions take turns; the server suite beside
 * this one runs them side by side.
 */
let pglite: PGlite;
let stores = 0;
beforeAll(async () => {
  pglite = await PGlite.create();
});
afterAll(() => pglite.close());

describeStoreContract('PostgreSQL in process (PGlite)', async () => {
  const schema = `store_${++stores}`;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, schema) });
  return preparePostgresStore(db, schema, async () => {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  });
});
