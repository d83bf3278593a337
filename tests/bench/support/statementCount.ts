import { openPostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { openSqliteStore } from '../../../src/adapters/sqlite/openSqliteStore.js';
import { type StatementTally, statementTally, tallySince } from '../../../src/adapters/sql/statementCount.js';
import { storeWriteTally } from '../../../src/adapters/sql/writeTally.js';
import type { Store } from '../../../src/ports/store.js';
import { activeCase, entry } from '../../support/factories.js';
import { dropSchema, freshSchemaName } from '../../support/postgresServer.js';
import { startTestServer } from '../../support/testSystem.js';

export type CountedStore = 'embedded' | 'postgres';

export interface StatementsPerRequest {
  store: CountedStore;
  /** POST /cases/:id/timeline: adding an entry, signed in with a bearer session. */
  addEntry: StatementTally;
  /** GET /cases/:id/timeline: the default page, audited. */
  readTimeline: StatementTally;
}

/**
 * Statements and transactions the store sends for one request, counted at the database driver in
 * this process (the real server over HTTP, one request at a time, after a warm-up so that caches
 * are as they are under load), averaged over `requests` requests of each kind. A sign-in looked up
 * again (once every SESSION_CACHE_SECONDS) adds 4 statements and 1 transaction to that request.
 */
export async function statementsPerRequest(store: CountedStore, o: { requests?: number; databaseUrl?: string } = {}): Promise<StatementsPerRequest> {
  const requests = o.requests ?? 20;
  const tally = statementTally();
  const schema = store === 'postgres' ? freshSchemaName() : null;
  const url = o.databaseUrl ?? process.env.BENCH_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';
  const opened: Store = schema
    ? await openPostgresStore({ url, schema, poolSize: 2, statements: tally })
    : await openSqliteStore({ dataDir: ':memory:', statements: tally });
  // The sign-in is kept for as long as the setting allows, so that a slow machine does not see it
  // looked up again midway: the counts are those of a signed-in person's steady state.
  // On PostgreSQL the write limit counts in the database, as a server on DATABASE_URL does.
  const t = await startTestServer({
    env: { SESSION_CACHE_SECONDS: '60' },
    overrides: { store: opened, ...(schema ? { writeTally: storeWriteTally(opened) } : {}) },
  });
  try {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    const path = `/api/v1/cases/${caseId}/timeline`;
    const body = entry({ description: 'Moved primary school after the family was rehoused (statement count).' });
    const count = async (request: () => Promise<{ status: number }>, wanted: number): Promise<StatementTally> => {
      for (let i = 0; i < 3; i++) await request();
      const before = { ...tally };
      for (let i = 0; i < requests; i++) {
        const r = await request();
        if (r.status !== wanted) throw new Error(`a counted request answered ${r.status}, not ${wanted}`);
      }
      return tallySince(before, tally, requests);
    };
    return {
      store,
      addEntry: await count(() => amy.post(path, body), 201),
      readTimeline: await count(() => amy.get(`${path}?limit=50`), 200),
    };
  } finally {
    await t.close();
    if (schema) await dropSchema(url, schema);
  }
}

/** One line a kind of request, for the benchmark's report. */
export const describeStatements = (s: StatementsPerRequest): string[] => [
  `${s.store}: add a timeline entry: ${fmt(s.addEntry.statements)} statements in ${fmt(s.addEntry.transactions)} transactions a request`,
  `${s.store}: read the timeline:     ${fmt(s.readTimeline.statements)} statements in ${fmt(s.readTimeline.transactions)} transactions a request`,
];

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
