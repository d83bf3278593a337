import type { Kysely, Migration } from 'kysely';

/**
 * A case moving from one service to another: the reference it had and the one it took, who moved
 * it, and when its documents reached the new service's library (null while they are still moving,
 * which also keeps a second transfer from starting on top of the first).
 */
export const caseTransfers = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('case_transfers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('from_service_id', 'text', (c) => c.notNull())
      .addColumn('from_reference', 'text', (c) => c.notNull())
      .addColumn('to_service_id', 'text', (c) => c.notNull())
      .addColumn('to_reference', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('transferred_by', 'text', (c) => c.notNull())
      .addColumn('transferred_at', 'text', (c) => c.notNull())
      .addColumn('documents_moved_at', 'text')
      .addColumn('documents_moved', 'integer')
      .execute();
    await db.schema.createIndex('case_transfers_by_case').on('case_transfers').columns(['case_id', 'transferred_at']).execute();
    await db.schema.createIndex('case_transfers_by_former_reference').on('case_transfers').column('from_reference').execute();
  },
});
