// Opened by sqliteStore.test.ts in a child process: holds a data directory until killed.
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';

await openSqliteStore({ dataDir: process.argv[2]! });
process.send?.('holding');
setInterval(() => {}, 1000);
