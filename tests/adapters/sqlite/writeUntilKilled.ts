// Opened by groupCommit.test.ts in a child process: adds services as fast as it can, many at once,
// and tells the parent each one whose transaction() resolved, until it is killed.
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { service } from '../../ports/contract/records.js';

const store = await openSqliteStore({ dataDir: process.argv[2]! });
let next = 0;
const writer = async () => {
  for (;;) {
    const id = `S${next++}`;
    await store.transaction((tx) => tx.services.upsert(service(id)));
    process.send?.(id);
  }
};
for (let i = 0; i < 20; i++) void writer();
