import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/adapters/sql/migrations.js';
import { core } from '../../../src/adapters/sql/migrations/0001_core.js';
import { timelineRepository } from '../../../src/adapters/sql/repositories/timeline.js';
import type { Database } from '../../../src/adapters/sql/schema.js';

/** Migration 0022 indexes the words of the entries already written, and keeps later ones in step. */
describe('migration 0022 on an embedded database that already holds a timeline', () => {
  let db: Kysely<unknown>;
  beforeEach(async () => {
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
    const before = new Migrator({ db, provider: { getMigrations: async () => ({ '0001_core': core('sqlite') }) } });
    const { error } = await before.migrateToLatest();
    if (error) throw error;
    await sql`insert into timeline_entries (id, case_id, when_json, span_start, span_end, life_stage, category, source_agency, confidence,
      description, contributor_id, contributor_name, created_at, updated_at, version, retraction_json)
      values ('e1', 'c1', '{"precision":"year","year":2015}', '2015-01-01', '2015-12-31', 'primary', 'education', 'education', 'confirmed',
      'Excluded from primary school for a day.', 'yjs-amy', 'Amy Clarke', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1, null)`.execute(db);
  });
  afterEach(() => db.destroy());

  it('finds an entry written before the migration by its words', async () => {
    await migrateToLatest(db, 'sqlite');
    const found = await timelineRepository(db as Kysely<Database>, 'sqlite').search('c1', { words: ['excluded'], restrictedText: { kind: 'all' }, limit: 5 });
    expect(found.items.map((m) => [m.entry.id, m.highlights])).toEqual([['e1', [{ start: 0, end: 8 }]]]);
  });
});
