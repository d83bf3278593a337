import { describe, expect, it } from 'vitest';
import { statementsPerRequest } from '../../bench/support/statementCount.js';
import { TEST_DATABASE_URL } from '../../support/postgresServer.js';

/**
 * What a request costs the database, counted at the driver: the sign-in is not looked up again
 * within its seconds, the case, the asker's place, the service and whether a question is open on
 * the case are one read, and the audit link is one statement on PostgreSQL (two in process on
 * SQLite). BEGIN and COMMIT count (one request at a time, its batch on the embedded store holds it
 * alone). Adding an entry asks which question it answers on its cell of the jigsaw only when the
 * case has an open question (here it has none). On PostgreSQL the audit link and the case event
 * are one statement, and a write is also counted by the write limit, which instances share there:
 * one statement outside the transaction.
 */
const stores = [
  ['embedded', { addEntry: 8, readTimeline: 6 }],
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
