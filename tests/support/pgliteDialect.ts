import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely on PGlite: PostgreSQL compiled to WebAssembly, running in the test process, so the
 * PostgreSQL store is tested without a server. PGlite is one session, so it is lent to one
 * connection at a time (a transaction keeps it until it ends), and each Kysely instance may keep
 * to its own schema: the session's search_path follows whoever holds it.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly schema?: string,
  ) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = (): Driver => new PGliteDriver(this.pglite, this.schema);
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db);
  createQueryCompiler = () => new PostgresQueryCompiler();
}

/** The one session of a PGlite instance, shared by every driver that uses it. */
interface Session {
  turn: Promise<void>;
  searchPath: string | null;
}
const sessions = new WeakMap<PGlite, Session>();

const AFFECTING = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PGliteDriver implements Driver {
  private readonly session: Session;
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(
    private readonly pglite: PGlite,
    private readonly schema: string | undefined,
  ) {
    const existing = sessions.get(pglite);
    this.session = existing ?? { turn: Promise.resolve(), searchPath: null };
    if (!existing) sessions.set(pglite, this.session);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const mine = new Promise<void>((ok) => (release = ok));
    const before = this.session.turn;
    this.session.turn = before.then(() => mine);
    await before;
    const pglite = this.pglite;
    const connection: DatabaseConnection = {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        const result = await pglite.query<R>(query.sql, [...query.parameters]);
        const command = (result as { command?: string }).command ?? '';
        return AFFECTING.has(command) ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) } : { rows: result.rows };
      },
      // eslint-disable-next-line require-yield
      async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error('PGliteDialect does not stream results');
      },
    };
    const wanted = this.schema ?? 'public';
    if (this.session.searchPath !== wanted) {
      await pglite.exec(`set search_path to "${wanted.replaceAll('"', '""')}"`);
      this.session.searchPath = wanted;
    }
    this.releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.releases.get(connection)?.();
    this.releases.delete(connection);
  }

  async destroy(): Promise<void> {}
}
