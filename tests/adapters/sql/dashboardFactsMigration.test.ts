import { PGlite } from '@electric-sql/pglite';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePostgresStore } from '../../../src/adapters/postgres/openPostgresStore.js';
import { withAuditHashFunction } from '../../../src/adapters/sqlite/auditHashFunction.js';
import { createKyselyStore } from '../../../src/adapters/sql/kyselyStore.js';
import { migrateToLatest } from '../../../src/adapters/sql/migrations.js';
import type { Database, SqlDialect } from '../../../src/adapters/sql/schema.js';
import { showServiceDashboard } from '../../../src/app/oversight/showServiceDashboard.js';
import { recordTrmPlacement } from '../../../src/app/trm/recordTrmPlacement.js';
import { addDays } from '../../../src/domain/dates.js';
import type { Formulation } from '../../../src/domain/formulation.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import type { Store } from '../../../src/ports/store.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { PGliteDialect } from '../../support/pgliteDialect.js';
import { startTestServer, TODAY } from '../../support/testSystem.js';

/**
 * Migration 0026 fills the dashboard's row of every case already in the database, so a service's
 * dashboard answers the same the moment the migration has run: on a database that holds cases of
 * every kind the dashboard tells apart, its rows are taken away with the migration's record, and
 * the migration run again gives back the same rows and the same dashboard. On both stores.
 */
let pglite: PGlite;
beforeAll(async () => {
  pglite = await PGlite.create();
});
afterAll(() => pglite.close());

const stores: Record<SqlDialect, () => Promise<{ db: Kysely<Database>; store: Store; schema?: string }>> = {
  sqlite: async () => {
    const sqlite = new SqliteDatabase(':memory:');
    withAuditHashFunction(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db as Kysely<unknown>, 'sqlite');
    return { db, store: createKyselyStore(db, 'sqlite') };
  },
  postgres: async () => {
    const schema = 'dashboard_facts_migration';
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, schema) });
    return { db, schema, store: await preparePostgresStore(db, schema) };
  },
};

describe.each(['sqlite', 'postgres'] as const)('migration 0026 on a %s database that already holds cases', (dialect) => {
  it('gives every case its dashboard row, and the dashboard the same answers', async () => {
    const { db, store, schema } = await stores[dialect]();
    const t = await startTestServer({ overrides: { store } });
    try {
      const deps = t.system.deps;
      const [sam, manager] = [await principal(deps, 'ecm-sam'), await principal(deps, 'mgr-bri')];
      const today = TODAY.slice(0, 10);
      const [moving, reviewed, closing] = [await activeCaseVia(deps), await activeCaseVia(deps), await activeCaseVia(deps)];
      await activeCaseVia(deps, 'NSO');
      await recordTrmPlacement(deps, sam, moving.id, { level: 3, rationale: 'First placement.', effectiveDate: '2026-10-01' });
      await recordTrmPlacement(deps, sam, moving.id, { level: 2, rationale: 'At the review.', effectiveDate: '2026-11-20' });
      await deps.store.transaction(async (tx) => {
        const approved: Formulation = {
          ...{ id: `${reviewed.id}-f1`, caseId: reviewed.id, number: 1, status: 'approved', content: {} as Formulation['content'] },
          ...{ createdBy: 'psy-helen', updatedBy: 'psy-helen', updatedAt: `${addDays(today, -100)}T10:00:00.000Z`, version: 1 },
          ...{ approvedBy: 'psy-helen', approvedByName: 'Helen', approvedAt: `${addDays(today, -100)}T10:00:00.000Z` },
        };
        await tx.formulations.insert(approved);
        const day = addDays(today, -20);
        const held: Meeting = {
          ...{ id: `${reviewed.id}-m1`, caseId: reviewed.id, kind: 'review', startsAt: `${day}T10:00:00.000Z`, endsAt: `${day}T11:00:00.000Z`, location: null },
          ...{
            organiserId: 'ecm-sam',
            attendees: [],
            status: 'held',
            joinUrl: null,
            externalId: null,
            chatId: null,
            startedAt: null,
            endedAt: null,
            version: 1,
          },
          outcome: { nextReviewDue: addDays(today, 5) } as Meeting['outcome'],
        };
        await tx.meetings.insert(held);
        const c = (await tx.cases.get(closing.id))!;
        await tx.cases.update({ ...c, status: 'closed', version: c.version + 1 }, c.version);
      });
      const rows = () => db.selectFrom('case_dashboard_facts').selectAll().orderBy('case_id').execute();
      const dashboard = () => showServiceDashboard(deps, manager, 'BRI');
      const [rowsBefore, before] = [await rows(), await dashboard()];
      expect(rowsBefore).toHaveLength(4);
      expect(before.trmMovement.counts.setback).toBe(1);
      expect(before.reviews.map((r) => [r.reference, r.nextReviewDue, r.state])).toEqual([[reviewed.reference, addDays(today, 5), 'due_soon']]);
      expect(before.counts.closed).toBe(1);

      await sql`drop table case_dashboard_facts`.execute(db);
      await sql`delete from kysely_migration where name = '0026_dashboard_facts'`.execute(db);
      await migrateToLatest(db as Kysely<unknown>, dialect, schema);

      expect(await rows()).toEqual(rowsBefore);
      expect({ ...(await dashboard()), library: null }).toEqual({ ...before, library: null });
    } finally {
      await t.close();
    }
  });
});
