import { describe, expect, it } from 'vitest';
import { statementsPerRequest } from '../../bench/support/statementCount.js';
import { TEST_DATABASE_URL } from '../../support/postgresServer.js';

/**
 * What a request costs the database, counted at the driver: the sign-in is not looked up again
 * within its seconds, the case, the asker's place and the service are one read, and the audit link
 * is one statement on PostgreSQL (two in process on SQLite). BEGIN and COMMIT count; on the
 * embedded store so do group commit's two looks at the change counter (one request at a time, its
 * batch holds it alone: BEGIN, a look, the request's own statements, a look, COMMIT). The count is
 * the process's, so a background worker's poll that lands in the same batch adds its SAVEPOINT and
 * RELEASE now and then: one statement a request of slack, still far under the 16 before.
 */
const stores = [
  ['embedded', { addEntry: 11, readTimeline: 9 }],
  ...(TEST_DATABASE_URL ? ([['postgres', { addEntry: 7, readTimeline: 5 }]] as const) : []),
] as const;

describe.each(stores)('the statements of a request, %s store', (store, most) => {
  it('adding a timeline entry is one transaction: the entry, its revision, its audit link and its case event', async () => {
    const counted = await statementsPerRequest(store, { requests: 20, ...(TEST_DATABASE_URL ? { databaseUrl: TEST_DATABASE_URL } : {}) });
    expect(counted.addEntry.transactions).toBe(1);
    expect(counted.addEntry.statements).toBeLessThanOrEqual(most.addEntry);
    expect(counted.readTimeline.transactions).toBe(1);
    expect(counted.readTimeline.statements).toBeLessThanOrEqual(most.readTimeline);
  });
});
