import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { describeStoreContract } from './store.contract.js';

describeStoreContract('SQLite in memory', () => openSqliteStore({ dataDir: ':memory:' }));

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
describeStoreContract('SQLite in a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecm-store-'));
  dirs.push(dir);
  return openSqliteStore({ dataDir: dir });
});
