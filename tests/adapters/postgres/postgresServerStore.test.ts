import { describe, it } from 'vitest';
import { openPostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { describeStoreContract } from '../../ports/store.contract.js';
import { dropSchema, findPostgresServer, freshSchemaName } from '../../support/postgresServer.js';

/** The real server, with connections side by side: where concurrency really shows. Each store has a schema of its own. */
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
  console.warn(`Skipped the store's contract on a PostgreSQL server: ${server.why}`);
  describe('the store’s contract on a PostgreSQL server', () => {
    it.skip(`skipped: ${server.why}`, () => {});
  });
}
