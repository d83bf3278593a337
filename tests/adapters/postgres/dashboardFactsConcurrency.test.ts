import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { showDashboardPage } from '../../../src/app/oversight/showServiceDashboard.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { dropSchema, findPostgresServer, freshSchemaName } from '../../support/postgresServer.js';
import { startTestServer } from '../../support/testSystem.js';

/**
 * On a PostgreSQL server two transactions may change one case at once: a placement in one, an
 * agreement in the other. Each rewrites the case's dashboard row from what it can see, so the one
 * that commits last must see the other's change, or the row would lose it until the case next
 * changed. The rows of one case are rewritten one transaction at a time (under the case's row lock).
 */
const server = await findPostgresServer();

describe('the dashboard row of a case changed by two transactions at once, on a PostgreSQL server', () => {
  it.skipIf(!server.available)('holds both changes', async () => {
    if (!server.available) return;
    const schema = freshSchemaName();
    const store = await openPostgresStore({ url: server.url, schema, poolSize: 4 });
    const t = await startTestServer({ overrides: { store } });
    try {
      const { id } = await activeCaseVia(t.system.deps);
      const agreement = (await store.transaction((tx) => tx.agreements.listForCase(id))).find((a) => a.party === 'young_person')!;
      let placed!: () => void;
      let commit!: () => void;
      const wasPlaced = new Promise<void>((resolve) => (placed = resolve));
      const mayCommit = new Promise<void>((resolve) => (commit = resolve));
      const placing = store.transaction(async (tx) => {
        const placement = { id: `${id}-p1`, caseId: id, level: 2, rationale: 'First.', effectiveDate: '2026-11-01', meetingId: null };
        await tx.trm.insert({ ...placement, placedBy: 'ecm-sam', placedByName: 'Sam', placedAt: '2026-11-27T09:00:00.000Z' });
        placed();
        await mayCommit;
      });
      await wasPlaced;
      const agreeing = store.transaction(async (tx) => {
        await tx.agreements.insert({ ...agreement, id: `${id}-a9`, seq: 99, decision: 'withdrawn', date: '2026-11-27' });
      });
      // The second transaction reaches its rewrite of the row while the first still holds it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      commit();
      await Promise.all([placing, agreeing]);
      const manager = await principal(t.system.deps, 'mgr-bri');
      const movement = await showDashboardPage(t.system.deps, manager, 'BRI', 'trm-movement', {});
      const waiting = await showDashboardPage(t.system.deps, manager, 'BRI', 'agreements-outstanding', {});
      expect(movement.items).toMatchObject([{ caseId: id, placements: 1, latestLevel: 2, movement: 'first' }]);
      expect(waiting.items).toMatchObject([{ caseId: id, agreement: { young_person: 'withdrawn' } }]);
    } finally {
      await t.close();
      await dropSchema(server.url, schema);
    }
  });
});
