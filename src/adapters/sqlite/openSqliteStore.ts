import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../ports/store.js';
import { createKyselyStore } from '../sql/kyselyStore.js';
import { GROUP_COMMIT_DEFAULTS, type GroupCommitOptions, groupCommitting, rawConnection } from './groupCommit.js';
import { answeringUnavailable, type OutageReport } from '../sql/unavailability.js';
import { countedBy, type StatementTally } from '../sql/statementCount.js';
import { preparingOnce } from './preparedStatements.js';
import { withAuditHashFunction } from './auditHashFunction.js';
import { migrateToLatest } from '../sql/migrations.js';
import type { Database } from '../sql/schema.js';

export class DataDirectoryInUseError extends Error {
  constructor(dir: string) {
    super(`The data directory ${dir} is in use by another ECM for Teams process. Stop it, or set DATA_DIR to another directory.`);
    this.name = 'DataDirectoryInUseError';
  }
}

/**
 * Holds an exclusive SQLite write lock on `ecm.lock` for the life of the process. The operating
 * system releases it when the process dies, however it dies, so a crash never leaves a stale lock.
 */
function lockDataDirectory(dir: string): SqliteDatabase.Database {
  const lock = new SqliteDatabase(join(dir, 'ecm.lock'), { timeout: 0 });
  try {
    lock.pragma('journal_mode = DELETE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch {
    lock.close();
    throw new DataDirectoryInUseError(dir);
  }
  return lock;
}

export interface SqliteStoreOptions {
  /** A directory for `ecm.db`; `:memory:` for a private in-memory database (tests). */
  dataDir: string;
  /**
   * How long a write waits while another connection (a backup, a checkpoint) holds the database.
   * better-sqlite3 waits synchronously, so the whole process waits with it: keep it short.
   */
  busyTimeoutMs?: number;
  /** The database stopped answering (busy too long, an I/O error), and answers again. */
  outage?: OutageReport;
  /** Counts the statements and transactions sent (benchmarks and tests); nothing counts without it. */
  statements?: StatementTally;
  /** Units of work arriving together share one transaction and one flush (groupCommit.ts). */
  groupCommit?: Partial<GroupCommitOptions>;
}

/**
 * SQLITE_BUSY and SQLITE_LOCKED (another connection held the database past the busy timeout),
 * SQLITE_IOERR (the disk or file system failed), SQLITE_FULL (no space left) and SQLITE_CANTOPEN:
 * passing conditions of the machine, not of the request.
 */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN)/;

export const isSqliteUnavailable = (error: unknown): boolean => error instanceof SqliteDatabase.SqliteError && UNAVAILABLE.test(error.code);

export async function openSqliteStore({ dataDir, busyTimeoutMs = 1000, outage, statements, groupCommit }: SqliteStoreOptions): Promise<Store> {
  const inMemory = dataDir === ':memory:';
  const dir = inMemory ? null : resolve(dataDir);
  if (dir) mkdirSync(dir, { recursive: true });
  const lock = dir ? lockDataDirectory(dir) : null;

  const sqlite = new SqliteDatabase(dir ? join(dir, 'ecm.db') : ':memory:');
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: an acknowledged write survives power loss, not only a process crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    withAuditHashFunction(sqlite);
    const database = preparingOnce(sqlite);
    const db = new Kysely<Database>({ dialect: countedBy(new SqliteDialect({ database }), statements) });
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
    const batches = groupCommitting(
      db,
      rawConnection(sqlite, statements, () => database.writes),
      { ...GROUP_COMMIT_DEFAULTS, ...groupCommit },
    );
    const store = createKyselyStore(
      db,
      'sqlite',
      async () => {
        await batches.settled();
        await db.destroy();
        lock?.close();
      },
      (work) => batches.transact(work),
    );
    return answeringUnavailable(store, isSqliteUnavailable, outage);
  } catch (error) {
    sqlite.close();
    lock?.close();
    throw error;
  }
}

/** Opens an existing database read-only, without the lock: for the audit verifier while the server runs. */
export function openSqliteReadOnly(dataDir: string): Store {
  const sqlite = new SqliteDatabase(join(resolve(dataDir), 'ecm.db'), { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return createKyselyStore(db, 'sqlite');
}
