import type { Kysely, Migration } from 'kysely';

/**
 * Who must agree follows the child's legal status and age: the case keeps the status and who holds
 * parental responsibility, and the young person's decision keeps their word on their family taking
 * part. Cases referred before keep the status the rules assumed then.
 */
export const whoAgrees = (): Migration => ({
  async up(db: Kysely<unknown>) {
    // SQLite adds one column per statement.
    await db.schema
      .alterTable('cases')
      .addColumn('legal_status', 'text', (c) => c.notNull().defaultTo('living_with_parents'))
      .execute();
    await db.schema.alterTable('cases').addColumn('parental_responsibility', 'text').execute();
    await db.schema.alterTable('agreements').addColumn('family_involvement', 'text').execute();
  },
});
