import { type Kysely, type Migration, sql } from 'kysely';
import type { SqlDialect } from '../schema.js';

/**
 * Consultations before and outside court. A consultation is a case of the consultation pathway, so
 * access, audit, caseload and dashboard treat it as one; held on de-identified details it has no
 * name or date of birth, so those become optional. What only a consultation has — the disposal (the
 * referrer's question is the case's referral reason), initials and age, the family's agreement to share identifying details —
 * is kept beside it, with each consultation meeting's advice and agreed next steps.
 */
export const consultations = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect === 'postgres') {
      await sql`alter table cases alter column child_name drop not null, alter column child_dob drop not null`.execute(db);
    } else {
      await withoutNotNull(db, 'cases', ['child_name', 'child_dob']);
    }
    await db.schema
      .createTable('consultations')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('disposal', 'text', (c) => c.notNull())
      .addColumn('child_initials', 'text', (c) => c.notNull())
      .addColumn('child_age', 'integer', (c) => c.notNull())
      .addColumn('sharing_agreed_by', 'text')
      .addColumn('sharing_agreed_on', 'text')
      .addColumn('sharing_method', 'text')
      .addColumn('identified_at', 'text')
      .addColumn('became_case_at', 'text')
      .execute();
    await db.schema
      .createTable('consultation_meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('ecm_team', 'text', (c) => c.notNull())
      .addColumn('advice', 'text', (c) => c.notNull())
      .addColumn('next_steps', 'text', (c) => c.notNull())
      .addColumn('follow_up_on', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('consultation_meetings_by_case').on('consultation_meetings').columns(['case_id', 'held_on']).execute();
  },
});

/**
 * SQLite cannot drop NOT NULL in place: the table is made again from its own stored definition
 * (so columns other migrations added survive, whatever order they ran in), filled, and swapped in
 * with its indexes. Nothing references `cases` by foreign key.
 */
async function withoutNotNull(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  const stored = await sql<{ type: string; sql: string | null }>`select type, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const definition = stored.rows.find((r) => r.type === 'table')?.sql;
  if (!definition) throw new Error(`Table ${table} is missing`);
  const indexes = stored.rows.filter((r) => r.type === 'index' && r.sql !== null).map((r) => r.sql as string);
  let next = definition.replace(new RegExp(`^create table "?${table}"?`, 'i'), `create table "${table}_next"`);
  for (const column of columns) {
    const notNull = new RegExp(`("?${column}"?\\s+text)\\s+not null`, 'i');
    if (!notNull.test(next)) throw new Error(`Column ${table}.${column} is not as expected`);
    next = next.replace(notNull, '$1');
  }
  await sql.raw(next).execute(db);
  await sql.raw(`insert into "${table}_next" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${table}_next" rename to "${table}"`).execute(db);
  for (const index of indexes) await sql.raw(index).execute(db);
}
