import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

/** Distinct statement texts kept prepared: the product's queries, with room for IN-lists of many lengths. */
export const PREPARED_STATEMENTS = 400;

/** The database as Kysely's driver sees it, and how many statements that may write it has handed out. */
export interface PreparingOnce extends KyselySqliteDatabase {
  /**
   * Moves each time a statement that may change the database (not `readonly` to SQLite: an INSERT,
   * an UPDATE, a DELETE…) is handed out to be run; group commit reads it to tell a unit of work that
   * changed nothing (groupCommit.ts) without asking SQLite. A write that then fails or changes no
   * row still moves it: such a unit is taken for a change and waits for the COMMIT, which is safe.
   */
  readonly writes: number;
}

/**
 * The database as Kysely's SQLite driver sees it, preparing each statement text once. The driver
 * calls `prepare` for every query; SQLite's prepare parses and plans the text again each time
 * (about a seventh of the server's main-thread time when adding an entry). A prepared statement is
 * kept by its text, the least recently used dropped past `capacity`. SQLite prepares a kept
 * statement again by itself when the schema changes under it (a migration).
 */
export function preparingOnce(sqlite: SqliteDatabase.Database, capacity = PREPARED_STATEMENTS): PreparingOnce {
  const kept = new Map<string, SqliteDatabase.Statement>();
  let writes = 0;
  const handOut = (statement: SqliteDatabase.Statement) => {
    if (!statement.readonly) writes += 1;
    return statement;
  };
  return {
    get writes() {
      return writes;
    },
    prepare(sql: string) {
      const statement = kept.get(sql);
      // A statement still iterating (a streamed query) cannot run again until it ends: that one
      // query gets a statement of its own.
      if (statement && !statement.busy) {
        kept.delete(sql);
        kept.set(sql, statement);
        return handOut(statement);
      }
      const fresh = sqlite.prepare(sql);
      if (statement) return handOut(fresh);
      kept.set(sql, fresh);
      if (kept.size > capacity) kept.delete(kept.keys().next().value as string);
      return handOut(fresh);
    },
    close() {
      kept.clear();
      sqlite.close();
    },
  };
}
