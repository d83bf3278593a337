import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { StatementTally } from '../sql/statementCount.js';

/**
 * Group commit for the embedded database. better-sqlite3 flushes to disk synchronously at every
 * COMMIT (synchronous=FULL), and the flush is most of a write's cost; so units of work that arrive
 * together share one transaction and one flush:
 *
 * - A unit that arrives while the database is idle waits `windowMs` (0: only until the event loop
 *   has taken in the requests that arrived with it) for others; units that arrive while a batch
 *   runs or commits wait for the next batch, which starts as soon as that one has committed.
 * - The batch is one BEGIN … COMMIT. Each unit runs in a SAVEPOINT of its own, one after another
 *   (a unit is an async function issuing several queries; units never interleave on the single
 *   connection), so a unit that fails rolls back only its own work (a unit with no changes before
 *   it in the batch needs no savepoint: its failure rolls back a transaction holding only its own).
 * - No unit that changed anything settles before the COMMIT returns: a response is never sent
 *   before its write is on disk, and nothing is answered from work that did not commit. A unit
 *   that changed nothing and ran before any unit of its batch changed anything (a sign-in lookup,
 *   mostly) saw only committed data and has nothing to flush: it is answered at once, and the
 *   request's next unit of work can join the same batch. If the COMMIT fails, or the
 *   database undoes the whole transaction (an I/O error, a full disk), every unit that had
 *   succeeded in it fails with that error; the units still waiting run in a new batch.
 */
export interface GroupCommitOptions {
  /** How long the first unit of a batch waits for others, in ms; 0: the rest of the event loop's turn. */
  windowMs: number;
  /** The most units in one transaction: bounds how long the last of them waits for the first. */
  maxBatch: number;
}

/** Measured at 50 connections (docs/benchmarks.md, "Group commit"). */
export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { windowMs: 0, maxBatch: 64 };

/** The raw connection the batches run on: the same one Kysely's SqliteDialect holds. */
export interface RawConnection {
  exec(source: string): unknown;
  readonly inTransaction: boolean;
  /** A count that moves whenever the connection may have changed the database, rolled back or not. */
  totalChanges(): number;
}

/**
 * The group commit's view of a better-sqlite3 connection. Whether a unit changed anything is read
 * from `writes` when given (the writing statements the store's connection handed out,
 * preparedStatements.ts: no statement to run), else from SQLite's total_changes().
 */
export function rawConnection(sqlite: SqliteDatabase.Database, tally?: StatementTally, writes?: () => number): RawConnection {
  const changes = sqlite.prepare<[], number>('select total_changes()').pluck();
  // The batch's own statements bypass Kysely's driver, so they are counted here (src/adapters/sql/statementCount.ts).
  const count = (source: string) => {
    if (!tally) return;
    tally.statements += 1;
    if (source === 'BEGIN') tally.transactions += 1;
  };
  return {
    exec: (source) => {
      count(source);
      return sqlite.exec(source);
    },
    get inTransaction() {
      return sqlite.inTransaction;
    },
    totalChanges: () => {
      if (writes) return writes();
      count('select total_changes()');
      return changes.get()!;
    },
  };
}

/** Batches and units since the process started: the benchmark reads them to report batch sizes. */
export interface GroupCommitStats {
  batches: number;
  units: number;
  failedUnits: number;
  /** Units that changed nothing and ran before any change of their batch: answered without waiting for its COMMIT. */
  earlyUnits: number;
  /** How many batches held n units: index n. */
  sizes: number[];
}

const stats: GroupCommitStats = { batches: 0, units: 0, failedUnits: 0, earlyUnits: 0, sizes: [] };
export const groupCommitStats = (): GroupCommitStats => ({ ...stats, sizes: [...stats.sizes] });

export interface GroupCommit<DB> {
  /** Runs `work` in the next batch; settles once that batch has committed (or failed). */
  transact<T>(work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /** Resolves once every unit given so far has settled: before the connection is closed. */
  settled(): Promise<void>;
}

interface Unit<DB> {
  work: (trx: Kysely<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function groupCommitting<DB>(db: Kysely<DB>, raw: RawConnection, options: GroupCommitOptions = GROUP_COMMIT_DEFAULTS): GroupCommit<DB> {
  const maxBatch = Math.max(1, Math.floor(options.maxBatch));
  const queue: Unit<DB>[] = [];
  let scheduled = false;
  let running = false;
  const idle: (() => void)[] = [];

  const schedule = (windowMs: number) => {
    scheduled = true;
    const start = () => {
      scheduled = false;
      void drain();
    };
    if (windowMs > 0) setTimeout(start, windowMs);
    else setImmediate(start);
  };

  async function drain() {
    running = true;
    try {
      await runBatch();
    } finally {
      running = false;
      // The units that arrived meanwhile have waited a commit already: no window for them.
      if (queue.length > 0 && !scheduled) schedule(0);
      if (queue.length === 0 && !scheduled) for (const done of idle.splice(0)) done();
    }
  }

  async function runBatch() {
    const batch: Unit<DB>[] = [];
    const outcomes = new Map<Unit<DB>, Outcome>();
    const answeredEarly = new Set<Unit<DB>>();
    try {
      await db.connection().execute(async (conn) => {
        let done: Unit<DB>[] = []; // succeeded in the open transaction, not yet committed
        raw.exec('BEGIN');
        const clean = raw.totalChanges();
        let dirty = false; // once a unit of the batch has changed anything, every later unit waits for the COMMIT
        // Units that arrive while the batch runs (a request whose sign-in was just answered) join it.
        while (batch.length < maxBatch && queue.length > 0) {
          const unit = queue.shift()!;
          batch.push(unit);
          const cleanBefore = !dirty;
          // A savepoint guards the changes of the units before; while there are none, a failure
          // rolls back the whole (so far empty) transaction instead, two statements fewer a unit.
          const guarded = dirty;
          if (guarded) raw.exec('SAVEPOINT unit');
          let outcome: Outcome;
          try {
            const value = await unit.work(conn);
            if (guarded) raw.exec('RELEASE unit');
            outcome = { ok: true, value };
          } catch (error) {
            outcome = { ok: false, error };
            if (raw.inTransaction && guarded) {
              raw.exec('ROLLBACK TO unit');
              raw.exec('RELEASE unit');
            } else if (raw.inTransaction) {
              raw.exec('ROLLBACK');
              raw.exec('BEGIN');
            } else {
              // The database undid the whole transaction: the units before this one are lost too.
              for (const lost of done) outcomes.set(lost, { ok: false, error });
              done = [];
              raw.exec('BEGIN');
            }
          }
          if (cleanBefore && raw.totalChanges() !== clean) dirty = true;
          if (!dirty) {
            // It changed nothing and saw only what had committed before: nothing of it waits for the flush.
            answeredEarly.add(unit);
            settle(unit, outcome);
            continue;
          }
          outcomes.set(unit, outcome);
          if (outcome.ok) done.push(unit);
        }
        try {
          raw.exec('COMMIT');
        } catch (error) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          for (const lost of done) outcomes.set(lost, { ok: false, error });
        }
      });
    } catch (error) {
      // BEGIN itself failed, or the connection could not be had: no unit without an outcome committed.
      if (raw.inTransaction) {
        try {
          raw.exec('ROLLBACK');
        } catch {
          // the connection is gone; nothing was committed either way
        }
      }
      // Without a transaction to run them in, the units waiting fail too rather than wait for ever.
      if (batch.length === 0) batch.push(...queue.splice(0, maxBatch));
      for (const unit of batch) if (!answeredEarly.has(unit) && outcomes.get(unit)?.ok !== false) outcomes.set(unit, { ok: false, error });
    }
    stats.batches += 1;
    stats.units += batch.length;
    stats.earlyUnits += answeredEarly.size;
    stats.sizes[batch.length] = (stats.sizes[batch.length] ?? 0) + 1;
    for (const [unit, outcome] of outcomes) settle(unit, outcome);
  }

  function settle(unit: Unit<DB>, outcome: Outcome) {
    if (outcome.ok) unit.resolve(outcome.value);
    else {
      stats.failedUnits += 1;
      unit.reject(outcome.error);
    }
  }

  return {
    transact: <T>(work: (trx: Kysely<DB>) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (!scheduled && !running) schedule(options.windowMs);
      }),
    settled: () => (queue.length === 0 && !scheduled && !running ? Promise.resolve() : new Promise<void>((done) => idle.push(done))),
  };
}
