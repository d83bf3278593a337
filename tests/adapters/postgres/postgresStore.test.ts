import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPostgresStore, preparePostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import type { Database } from '../../../src/adapters/sql/schema.js';
import { describeStoreContract } from '../../ports/store.contract.js';
import { PGliteDialect } from '../../support/pgliteDialect.js';
import { dropSchema, findPostgresServer, freshSchemaName } from '../../support/postgresServer.js';

/** PostgreSQL in this process: no server needed, so every `npm test` runs the PostgreSQL store. */
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

/** The real server, with connections side by side: where concurrency really shows. */
const server = await findPostgresServer();
if (server.available) {
  describeStoreContract('a PostgreSQL server', async () => {
    const schema = freshSchemaName();
    const store = await openPostgresStore({ url: server.url, schema, poolSize: 8 });
    return {
      ...store,
      async close() {
        await store.close();
        await dropSchema(server.url, schema);
      },
    };
  });
} else {
  describe('the store’s contract on a PostgreSQL server', () => {
    it.skip(`skipped: ${server.why}`, () => {});
  });
}
