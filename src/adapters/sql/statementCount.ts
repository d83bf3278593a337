import type { DatabaseConnection, Dialect, Driver } from 'kysely';

/**
 * How many statements the store sent to the database, and how many transactions it began: for the
 * benchmark's "statements per request" and for tests that hold a request to its count. BEGIN,
 * COMMIT, ROLLBACK and savepoints are statements too (on PostgreSQL each is a round trip).
 */
export interface StatementTally {
  statements: number;
  transactions: number;
}

export const statementTally = (): StatementTally => ({ statements: 0, transactions: 0 });

/** The difference between two readings of a tally, per request when `requests` were made between them. */
export const tallySince = (before: StatementTally, after: StatementTally, requests = 1): StatementTally => ({
  statements: (after.statements - before.statements) / requests,
  transactions: (after.transactions - before.transactions) / requests,
});

/**
 * The dialect as given, its driver counting into `tally`; without a tally, the dialect itself (a
 * server in production counts nothing).
 */
export function countedBy(dialect: Dialect, tally: StatementTally | undefined): Dialect {
  if (!tally) return dialect;
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => countingDriver(dialect.createDriver(), tally),
  };
}

function countingDriver(driver: Driver, tally: StatementTally): Driver {
  // The driver's own methods get the connection it gave, so its private state stays its own.
  const inner = new WeakMap<DatabaseConnection, DatabaseConnection>();
  const unwrap = (c: DatabaseConnection) => inner.get(c) ?? c;
  const counted =
    <A extends unknown[]>(run: (c: DatabaseConnection, ...rest: A) => Promise<void>) =>
    async (c: DatabaseConnection, ...rest: A) => {
      tally.statements += 1;
      await run(unwrap(c), ...rest);
    };
  const counting: Driver = {
    init: () => driver.init(),
    destroy: () => driver.destroy(),
    async acquireConnection() {
      const connection = await driver.acquireConnection();
      const wrapped: DatabaseConnection = {
        executeQuery(query) {
          tally.statements += 1;
          return connection.executeQuery(query);
        },
        streamQuery(query, chunkSize) {
          tally.statements += 1;
          return connection.streamQuery(query, chunkSize);
        },
      };
      inner.set(wrapped, connection);
      return wrapped;
    },
    releaseConnection: (c) => driver.releaseConnection(unwrap(c)),
    async beginTransaction(c, settings) {
      tally.transactions += 1;
      tally.statements += 1;
      await driver.beginTransaction(unwrap(c), settings);
    },
    commitTransaction: counted((c) => driver.commitTransaction(c)),
    rollbackTransaction: counted((c) => driver.rollbackTransaction(c)),
  };
  if (driver.savepoint) counting.savepoint = counted((c, name: string, compile) => driver.savepoint!(c, name, compile));
  if (driver.rollbackToSavepoint) counting.rollbackToSavepoint = counted((c, name: string, compile) => driver.rollbackToSavepoint!(c, name, compile));
  if (driver.releaseSavepoint) counting.releaseSavepoint = counted((c, name: string, compile) => driver.releaseSavepoint!(c, name, compile));
  return counting;
}
