import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/adapters/sql/migrations.js';
import { core } from '../../../src/adapters/sql/migrations/0001_core.js';
import { whoAgrees } from '../../../src/adapters/sql/migrations/0007_who_agrees.js';

/**
 * SQLite cannot drop NOT NULL in place, so migration 0011 makes `cases` again from its stored
 * definition. A database with cases in it keeps every row, column, index and constraint.
 */
describe('migration 0011 on an embedded database that already holds cases', () => {
  let db: Kysely<unknown>;
  beforeEach(async () => {
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    const before = new Migrator({
      db,
      provider: { getMigrations: async () => ({ '0001_core': core('sqlite'), '0007_who_agrees': whoAgrees() }) },
    });
    const { error } = await before.migrateToLatest();
    if (error) throw error;
    await sql`insert into services (id, name, settings) values ('BRI', 'Bristol', '{}')`.execute(db);
    await sql`insert into cases (id, reference, service_id, child_name, child_dob, pathway, status, referral_reason, lawful_basis,
      referred_by, referred_at, case_holder_id, version, legal_status, parental_responsibility)
      values ('c1', 'BRI-2026-0001', 'BRI', 'Fictional Child', '2012-01-01', 'statutory_ecm', 'active', 'Fictional.', 'public_task',
      'yjs-amy', '2026-01-01T00:00:00.000Z', 'yjs-amy', 3, 'care_order', 'the local authority')`.execute(db);
  });
  afterEach(() => db.destroy());

  it('keeps the cases, their later columns and indexes, and lets a consultation have no name', async () => {
    await migrateToLatest(db, 'sqlite');
    const rows = (await sql<Record<string, unknown>>`select * from cases`.execute(db)).rows;
    expect(rows).toEqual([expect.objectContaining({ id: 'c1', child_name: 'Fictional Child', legal_status: 'care_order', version: 3 })]);
    await sql`insert into cases (id, reference, service_id, child_name, child_dob, pathway, status, referral_reason, lawful_basis,
      referred_by, referred_at, case_holder_id, version)
      values ('c2', 'BRI-2026-0002', 'BRI', null, null, 'consultation', 'referred', 'A question.', 'public_task',
      'yjs-amy', '2026-02-01T00:00:00.000Z', 'yjs-amy', 1)`.execute(db);
    const indexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'cases'`.execute(db)).rows.map(
      (r) => r.name,
    );
    expect(indexes).toContain('cases_by_service');
    // The reference is still unique.
    await expect(
      sql`insert into cases (id, reference, service_id, pathway, status, referral_reason, lawful_basis, referred_by, referred_at, case_holder_id, version)
        values ('c3', 'BRI-2026-0001', 'BRI', 'consultation', 'referred', 'Again.', 'public_task', 'yjs-amy', '2026-02-01T00:00:00.000Z', 'yjs-amy', 1)`.execute(
        db,
      ),
    ).rejects.toThrow(/UNIQUE/);
  });
});
