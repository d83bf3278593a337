import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUseError, openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';

describe('the embedded database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecm-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('two stores cannot open one data directory', async () => {
    const first = await openSqliteStore({ dataDir: dir });
    await expect(openSqliteStore({ dataDir: dir })).rejects.toBeInstanceOf(DataDirectoryInUseError);
    await first.close();
    const again = await openSqliteStore({ dataDir: dir });
    await again.close();
  });

  it('a process that dies holding the directory does not leave it locked', async () => {
    const child = fork(join(import.meta.dirname, 'holdDataDirectory.ts'), [dir], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    await new Promise<void>((ok) => child.once('message', () => ok()));
    await expect(openSqliteStore({ dataDir: dir })).rejects.toBeInstanceOf(DataDirectoryInUseError);
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    const store = await openSqliteStore({ dataDir: dir });
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it('keeps its journal in WAL mode', async () => {
    const store = await openSqliteStore({ dataDir: dir });
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dir, 'ecm.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
