import type { Kysely, Migration } from 'kysely';
import { refreshAllDashboardFacts } from '../repositories/dashboardFacts.js';
import type { SqlDialect } from '../schema.js';

/**
 * What the service dashboard reads of each case, one narrow row per case kept in the unit of work
 * of every change to it (repositories/dashboardFacts.ts), indexed as the dashboard reads it: a
 * service's cases by status and reference (the lists' order). Filled for the cases already there.
 */
export const dashboardFacts = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_dashboard_facts')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('pathway', 'text', (c) => c.notNull())
      .addColumn('referred_on', 'text', (c) => c.notNull())
      .addColumn('dob', 'text')
      .addColumn('legal_status', 'text', (c) => c.notNull())
      .addColumn('yp', 'text')
      .addColumn('yp_given_before', 'integer')
      .addColumn('pc', 'text')
      .addColumn('la', 'text')
      .addColumn('placements', 'integer', (c) => c.notNull())
      .addColumn('first_level', 'real')
      .addColumn('latest_level', 'real')
      .addColumn('movement', 'text', (c) => c.notNull())
      .addColumn('approved', 'integer', (c) => c.notNull())
      .addColumn('anchor', 'text')
      .addColumn('agreed', 'text')
      .execute();
    await db.schema.createIndex('dashboard_facts_by_service').on('case_dashboard_facts').columns(['service_id', 'status', 'reference']).execute();
    await refreshAllDashboardFacts(db, dialect);
  },
});
