import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { StoreUnavailableError } from '../../ports/store.js';
import { errorChain, NETWORK_FAILURES } from '../sql/unavailability.js';

/**
 * SQLSTATE classes and codes that say "the server could not do it now", not "this request is
 * wrong": 08 connection exception, 53 insufficient resources (53300: too many clients), 57P01-3
 * the server shutting down or starting, 57014 a statement cancelled by statement_timeout, 25P03 a
 * transaction ended by idle_in_transaction_session_timeout, 58 a system (I/O) error.
 */
const UNAVAILABLE_CLASSES = ['08', '53', '58'];
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '57014', '25P03']);

/** What node-postgres, its pool and Kysely say when a connection broke, never came, or timed out. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^timeout expired/,
  /^Query read timeout/,
  /not queryable/,
  /^Postgres connection has been discarded/,
];

export function isPostgresUnavailable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_FAILURES.has(code) || UNAVAILABLE_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) return true;
    const message = typeof e.message === 'string' ? e.message : '';
    if (DRIVER_MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}

/**
 * The pool as Kysely uses it, made safe for a connection that fails while it is checked out.
 * node-postgres emits 'error' on such a client, and an EventEmitter with no listener for 'error'
 * ends the process: every client gets one for life. A client whose connection broke or whose
 * statement timed out (the server stalled) refuses further statements at once — so the ROLLBACK
 * after a failure does not wait out the stall again — and is handed back as broken, so the pool
 * closes it and opens a fresh one when next needed.
 */
export function guardedPool(pool: pg.Pool, onClientError: (error: Error) => void): PostgresPool {
  pool.on('connect', (client) => client.on('error', onClientError));
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let broken: Error | null = null;
      const guarded = {
        async query(text: string, parameters: unknown[]) {
          if (broken) throw broken;
          try {
            return await client.query(text, parameters);
          } catch (error) {
            if (isBroken(client, error)) broken = error as Error;
            throw error;
          }
        },
        release(destroy?: boolean) {
          client.release(broken ?? destroy);
        },
      };
      // Kysely streams through cursors only when configured with one; this store never is.
      return guarded as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** A client that can no longer be trusted with a statement: its connection is gone, or a reply never came. */
function isBroken(client: pg.PoolClient, error: unknown): boolean {
  const internals = client as unknown as { _queryable?: boolean; _ending?: boolean };
  return internals._queryable === false || internals._ending === true || (error instanceof Error && error.message === 'Query read timeout');
}

const FIRST_WAIT_MS = 500;
const LONGEST_WAIT_MS = 30_000;

/**
 * Starting while the server is down (a host booting, a database restarting): tries again with
 * growing pauses (0.5 s, 1 s, 2 s … at most 30 s) for as long as the server cannot be reached.
 * Any other failure — a wrong password, a missing database, a failed migration — ends the wait.
 */
export async function waitForTheServer<T>(open: () => Promise<T>, waiting: (attempt: number, retryInMs: number, error: unknown) => void): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await open();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) && !isPostgresUnavailable(error)) throw error;
      const retryInMs = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (attempt - 1));
      waiting(attempt, retryInMs, error);
      await sleep(retryInMs);
    }
  }
}
