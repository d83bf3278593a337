import type { Kysely, Migration } from 'kysely';

/**
 * What the service dashboard's SQL reads a whole service by (issue 18 §3): a service's cases by
 * status and reference (the lists' order), each case's placements in placement order, its
 * formulations and its plan's actions.
 */
export const dashboardIndexes = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('cases_by_service_status').on('cases').columns(['service_id', 'status', 'reference']).execute();
    await db.schema.createIndex('trm_in_placement_order').on('trm_placements').columns(['case_id', 'effective_date', 'placed_at']).execute();
    await db.schema.createIndex('formulations_by_case').on('formulations').columns(['case_id', 'approved_at']).execute();
    await db.schema.createIndex('plan_actions_by_case').on('plan_actions').columns(['case_id', 'due_by']).execute();
  },
});
