import type { Compilable, CompiledQuery, Kysely, QueryResult, RawBuilder } from 'kysely';
import type { Database } from './schema.js';

/** Where a parameter goes in a query compiled once: filled in by name on every run. */
class Slot {
  constructor(readonly name: string) {}
}

interface Template {
  compiled: CompiledQuery;
  /** Each of the compiled query's parameters: the name it is bound from, or the constant it always is. */
  parameters: readonly (Slot | unknown)[];
}

/**
 * A query on the hot path, built and compiled once and then run with its parameters bound by name.
 * Kysely builds a query from frozen nodes and walks them again to write its SQL on every run (about
 * a tenth of the server's time adding a timeline entry, issue 18); a query whose shape never changes
 * need not pay that each time. `build` is called once per database (the SQL differs between SQLite
 * and PostgreSQL) with `p` holding a placeholder for each parameter, and must use them only as
 * values: a query whose shape depends on its parameters (an IN list, an optional filter) is not
 * for this. Every call passes the same keys as the first (rows made by one `toRow` function do).
 *
 *     const byId = compiledOnce((db, p: { id: string }) => db.selectFrom('cases').selectAll().where('id', '=', p.id));
 *     const { rows } = await byId(trx, { id });
 */
export function compiledOnce<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, p: P) => Compilable<R> | RawBuilder<R>,
): (db: Kysely<Database>, params: P) => Promise<QueryResult<R>> {
  // One template per database adapter: the same for every transaction of one store.
  const templates = new WeakMap<object, Template>();
  const compile = (db: Kysely<Database>, params: P): Template => {
    const slots = Object.fromEntries(Object.keys(params).map((name) => [name, new Slot(name)])) as P;
    const query = build(db, slots);
    const compiled = 'isRawBuilder' in query ? query.compile(db) : query.compile();
    return { compiled, parameters: compiled.parameters };
  };
  return (db, params) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) templates.set(adapter, (template = compile(db, params)));
    const { compiled } = template;
    const parameters = template.parameters.map((v) => (v instanceof Slot ? params[v.name] : v));
    return db.executeQuery<R>({ sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, parameters } as CompiledQuery<R>);
  };
}
