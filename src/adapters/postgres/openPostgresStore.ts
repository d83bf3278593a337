import { userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Store } from '../../ports/store.js';
import { createKyselyStore } from '../sql/kyselyStore.js';
import { answeringUnavailable, type OutageReport } from '../sql/unavailability.js';
import { countedBy, type StatementTally } from '../sql/statementCount.js';
import { guardedPool, isPostgresUnavailable } from './connectionFailures.js';
import { migrateToLatest } from '../sql/migrations.js';
import type { Database } from '../sql/schema.js';
import { detectOvertakenUpdates, OvertakenUpdate } from './overtakenUpdates.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Keep every table in this schema (created when missing); otherwise the server's search_path. */
  schema?: string | undefined;
  /** Connections this instance may hold; several instances share the server's max_connections. */
  poolSize?: number | undefined;
  /** A connection failed (the server restarted, the network dropped); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
  /** The database stopped answering, and answers again: each told once per outage. */
  outage?: OutageReport;
  timeouts?: Partial<PostgresTimeouts>;
  /** Counts the statements and transactions sent (benchmarks and tests); nothing counts without it. */
  statements?: StatementTally;
}

/** How long to wait, in milliseconds, before a stalled or overloaded database is called unavailable. */
export interface PostgresTimeouts {
  /** For a connection from the pool (a free one, or a new one to the server). */
  connectMs: number;
  /** For one statement; the server cancels it (statement_timeout) and the client gives up soon after. */
  statementMs: number;
  /** For a transaction left open with nothing to do (idle_in_transaction_session_timeout): the server ends it. */
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: PostgresTimeouts = { connectMs: 3000, statementMs: 5000, idleInTransactionMs: 10_000 };

/**
 * A reply later than the statement timeout plus this never comes: the server or the path to it
 * stalled, and the client stops waiting.
 */
const REPLY_GRACE_MS = 1000;

/** Startup settings of every connection of this instance: its schema and its name in pg_stat_activity. */
export function connectionSettings(o: Pick<PostgresStoreOptions, 'url' | 'schema' | 'timeouts'>, role: string): pg.ClientConfig {
  // With no user in the URL, node-postgres takes PGUSER, then $USER, which a container or service
  // may not set; like psql, the operating-system user comes last.
  if (!pg.defaults.user) {
    try {
      pg.defaults.user = userInfo().username;
    } catch {
      // A container's user id with no passwd entry has no name: the URL or PGUSER must give one.
    }
  }
  const t = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
  return {
    connectionString: o.url,
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
    ...(t.statementMs > 0 ? { query_timeout: t.statementMs + REPLY_GRACE_MS } : {}),
    // A connection whose peer vanished without a word is noticed by the operating system too.
    keepAlive: true,
    // Names the schema too, so an operator (or a test) can tell the instances of environments apart.
    application_name: `ecm-for-teams ${role}${o.schema ? ` (${o.schema})` : ''}`.slice(0, 63),
    // Set at connection start-up, so no statement can run before it; the schema name is checked by config.
    ...(o.schema ? { options: `-c search_path=${o.schema}` } : {}),
  };
}

/** The store on a PostgreSQL server, through a pool of connections. */
export async function openPostgresStore(o: PostgresStoreOptions): Promise<Store> {
  await migrateOnConnectionOfItsOwn(o);
  const pool = new pg.Pool({ ...connectionSettings(o, 'store'), max: o.poolSize ?? 10 });
  const connectionError = (error: Error) => o.onConnectionError?.(error);
  pool.on('error', connectionError);
  const db = new Kysely<Database>({ dialect: countedBy(new PostgresDialect({ pool: guardedPool(pool, connectionError) }), o.statements) });
  try {
    return answeringUnavailable(runningAgainWhenOvertaken(createKyselyStore(db, 'postgres')), isPostgresUnavailable, o.outage);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * Migrations run without the statement timeouts: one may rightly take long on a big table, and an
 * instance waits on the migration lock while another migrates.
 */
async function migrateOnConnectionOfItsOwn(o: PostgresStoreOptions): Promise<void> {
  const timeouts = { ...o.timeouts, statementMs: 0, idleInTransactionMs: 0 };
  const pool = new pg.Pool({ ...connectionSettings({ ...o, timeouts }, 'migrations'), max: 1 });
  const connectionError = (error: Error) => o.onConnectionError?.(error);
  pool.on('error', connectionError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool(pool, connectionError) }) });
  try {
    await migratePostgres(db, o.schema);
  } finally {
    await db.destroy();
  }
}

/**
 * Brings the schema up to date and returns the store on it. Shared by the server pool above and by
 * the tests' in-process engine, so both run the same migrations and queries.
 */
export async function preparePostgresStore(db: Kysely<Database>, schema?: string, onClose: () => Promise<void> = () => db.destroy()): Promise<Store> {
  await migratePostgres(db, schema);
  return runningAgainWhenOvertaken(createKyselyStore(db, 'postgres', onClose));
}

async function migratePostgres(db: Kysely<Database>, schema?: string): Promise<void> {
  if (schema) await createSchema(db, schema);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await migrateToLatest(db as Kysely<unknown>, 'postgres', schema);
    } catch (error) {
      if (attempt >= ATTEMPTS || !anotherSchemaVanished(error, schema)) throw error;
    }
  }
}

/**
 * The migrator reads the catalogue of every schema on the server; one dropped while it reads (by
 * another instance's environment, or a finished test) fails the read with invalid_schema_name.
 * Nothing was migrated yet, so reading again is safe. Our own schema missing is a real fault.
 */
function anotherSchemaVanished(error: unknown, schema?: string): boolean {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (errorCode(cause) !== '3F000') return false;
  const message = cause instanceof Error ? cause.message : '';
  return !schema || !message.includes(`"${schema}"`);
}

async function createSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two instances starting together can both try to create it; one loses the race, harmlessly.
    if (!['23505', '42P06'].includes(errorCode(error))) throw error;
  }
}

/**
 * deadlock_detected, serialization_failure, unique_violation: PostgreSQL undid the transaction, or
 * a key it meant to take was taken meanwhile. Nothing of it was committed, so it may run again.
 */
const RUN_AGAIN = new Set(['40P01', '40001', '23505']);
const ATTEMPTS = 5;

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';

/**
 * SQLite lets one writer in at a time, so its transactions never meet. On PostgreSQL they run side
 * by side: two that lock the same rows in opposite orders (two audit chains, say) deadlock; one
 * that reads a record, or checks a key is free, can be overtaken before it writes. Such a
 * transaction runs again from the start, after a short random pause, and then sees what the
 * other committed: the outcome is the one SQLite would give. After a few attempts it gives up.
 */
function runningAgainWhenOvertaken(store: Store): Store {
  return {
    ...store,
    async transaction(work) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await store.transaction((tx) => work(detectOvertakenUpdates(tx, { lastAttempt: attempt === ATTEMPTS })));
        } catch (error) {
          const again = error instanceof OvertakenUpdate || RUN_AGAIN.has(errorCode(error));
          if (!again || attempt >= ATTEMPTS) throw error;
          await sleep(Math.random() * 20 * attempt);
        }
      }
    },
  };
}
