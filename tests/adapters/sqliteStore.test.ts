import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { DataDirectoryInUseError, isSqliteUnavailable, openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { StoreUnavailableError } from '../../src/ports/store.js';
import { service } from '../ports/contract/records.js';

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

/** The errors better-sqlite3 throws when the machine, not the request, is at fault: each is "unavailable". */
describe('the embedded database, when the machine falters', () => {
  const failureOf = (work: (db: SqliteDatabase.Database) => void): unknown => {
    const db = new SqliteDatabase(':memory:');
    try {
      work(db);
      return null;
    } catch (error) {
      return error;
    } finally {
      db.close();
    }
  };

  it('counts a full disk, a file it cannot open and an I/O error as the database being unavailable', () => {
    // /dev/full takes no write: what SQLite meets on a full disk.
    if (existsSync('/dev/full')) {
      const full = failureOf((db) => {
        db.exec("ATTACH '/dev/full' AS f");
        db.exec('PRAGMA f.journal_mode = MEMORY');
        db.exec('CREATE TABLE f.t (x)');
      });
      expect(full).toMatchObject({ code: 'SQLITE_FULL' });
      expect(isSqliteUnavailable(full)).toBe(true);
    }
    const cannotOpen = failureOf((db) => db.exec("ATTACH '/no/such/directory/ecm.db' AS gone"));
    expect(cannotOpen).toMatchObject({ code: 'SQLITE_CANTOPEN' });
    expect(isSqliteUnavailable(cannotOpen)).toBe(true);
    // A failing disk cannot be summoned on cue; the driver reports it with this class and code.
    expect(isSqliteUnavailable(new SqliteDatabase.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'))).toBe(true);
  });

  it('counts a mistake in the request as a mistake, not an outage', () => {
    const mistake = failureOf((db) => db.exec('SELECT * FROM no_such_table'));
    expect(mistake).toMatchObject({ code: 'SQLITE_ERROR' });
    expect(isSqliteUnavailable(mistake)).toBe(false);
  });

  it('a write that waits out the busy timeout fails as unavailable, and the next, once free, succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecm-sqlite-'));
    const store = await openSqliteStore({ dataDir: dir, busyTimeoutMs: 50 });
    const holder = new SqliteDatabase(join(dir, 'ecm.db'));
    try {
      holder.exec('BEGIN IMMEDIATE');
      const write = store.transaction((tx) => tx.services.upsert(service('BRI')));
      await expect(write).rejects.toBeInstanceOf(StoreUnavailableError);
      holder.exec('ROLLBACK');
      await store.transaction((tx) => tx.services.upsert(service('BRI')));
      expect(await store.transaction((tx) => tx.services.list())).toHaveLength(1);
    } finally {
      holder.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
