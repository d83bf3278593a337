import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { listenForCaseEvents } from '../../../src/adapters/postgres/postgresCaseEventBus.js';
import type { CaseEvent } from '../../../src/domain/caseEvents.js';
import type { CaseEventBus } from '../../../src/ports/caseEventBus.js';
import { statementTally } from '../../../src/adapters/sql/statementCount.js';
import type { Store } from '../../../src/ports/store.js';
import { dropSchema, findPostgresServer, freshSchemaName } from '../../support/postgresServer.js';
import { TODAY } from '../../support/testSystem.js';

/**
 * The database announces each committed case event to every listening instance. An event that
 * fits in a NOTIFY comes with its content and is handed on as it arrives; a longer one comes as
 * its number and is read from the table. Either way a watcher gets every event, whole and in order.
 */
const server = await findPostgresServer();
if (!server.available) console.warn(`Skipped the PostgreSQL case event bus: ${server.why}`);
const title = 'case events announced by PostgreSQL';

describe.skipIf(!server.available)(server.available ? title : `${title} — skipped: ${server.why}`, () => {
  const url = server.available ? server.url : '';
  const schema = freshSchemaName();
  let store: Store;
  let bus: CaseEventBus;
  const errors: unknown[] = [];
  const tally = statementTally();
  beforeAll(async () => {
    store = await openPostgresStore({ url, schema, poolSize: 2, statements: tally });
    bus = await listenForCaseEvents({ url, schema, store, onError: (e) => errors.push(e) });
  });
  afterAll(async () => {
    await bus?.close();
    await store?.close();
    await dropSchema(url, schema);
  });

  const add = (caseId: string, note: string) =>
    store.transaction((tx) => tx.caseEvents.append({ caseId, type: 'case.updated', actorId: 'yjs-amy', actorName: 'Amy Clarke', data: { note } }, TODAY));

  it('hands on a case’s events whole and in number order, reading back only those too long to announce in full', async () => {
    const seen: CaseEvent[] = [];
    const stop = bus.subscribe('case-1', (e) => seen.push(e));
    try {
      const long = 'A long note about the family’s move, kept whole. '.repeat(300); // about 15,000 bytes
      const before = tally.transactions;
      const written = [];
      for (const note of ['first', long, 'third', 'fourth']) {
        written.push(await add('case-1', note));
        await add('case-2', 'another case, not watched');
        await expect.poll(() => seen.length).toBe(written.length);
      }
      expect(seen).toEqual(written);
      // Eight transactions wrote them; only the long one was read back, in one more.
      expect(tally.transactions - before).toBe(9);
      expect(errors).toEqual([]);
    } finally {
      stop();
    }
  });
});
