import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../../src/adapters/sql/compiledOnce.js';
import type { Database } from '../../../src/adapters/sql/schema.js';

describe('a query compiled once', () => {
  let sqlite: SqliteDatabase.Database;
  let db: Kysely<Database>;
  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
    sqlite.exec('create table sessions (token_hash text primary key, staff_id text not null, created_at text not null, expires_at text not null)');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  });
  afterEach(() => db.destroy());

  it('is built once, and each run binds its own values by name, wherever they appear', async () => {
    let built = 0;
    const insert = compiledOnce((db, row: Database['sessions']) => {
      built += 1;
      return db.insertInto('sessions').values(row);
    });
    // The same parameter twice, beside a constant written into the query.
    const live = compiledOnce((db, p: { staffId: string; until: string }) =>
      db
        .selectFrom('sessions')
        .select('token_hash')
        .where('staff_id', '=', p.staffId)
        .where('expires_at', '>', p.until)
        .where('created_at', '<=', p.until)
        .where('token_hash', '!=', 'never')
        .orderBy('token_hash'),
    );
    await insert(db, { token_hash: 'a', staff_id: 'amy', created_at: '2026-01-01', expires_at: '2026-01-03' });
    await insert(db, { token_hash: 'b', staff_id: 'amy', created_at: '2026-01-02', expires_at: '2026-01-05' });
    await insert(db, { token_hash: 'c', staff_id: 'sam', created_at: '2026-01-01', expires_at: '2026-01-09' });
    expect(built).toBe(1);
    expect((await live(db, { staffId: 'amy', until: '2026-01-02' })).rows).toEqual([{ token_hash: 'a' }, { token_hash: 'b' }]);
    expect((await live(db, { staffId: 'amy', until: '2026-01-04' })).rows).toEqual([{ token_hash: 'b' }]);
    expect((await live(db, { staffId: 'sam', until: '2026-01-04' })).rows).toEqual([{ token_hash: 'c' }]);
  });

  it('runs in the transaction it is given', async () => {
    const insert = compiledOnce((db, row: Database['sessions']) => db.insertInto('sessions').values(row));
    await expect(
      db.transaction().execute(async (trx) => {
        await insert(trx, { token_hash: 'x', staff_id: 'amy', created_at: '2026-01-01', expires_at: '2026-01-03' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(sqlite.prepare('select count(*) as n from sessions').get()).toEqual({ n: 0 });
  });
});
