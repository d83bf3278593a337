import { type Kysely, type QueryCreator, sql } from 'kysely';
import type { WriteTally } from '../../../ports/writeTally.js';
import type { Database, SqlDialect } from '../schema.js';

/**
 * The write limit's counts in the database, one row a person and window. The count goes up in one
 * statement (insert, or add one on conflict), so instances writing at once never lose a count; on
 * PostgreSQL the person's earlier windows are let go in the same statement, so a write costs the
 * limit one round trip.
 */
export function writeTallyRepository(db: Kysely<Database>, dialect: SqlDialect): WriteTally {
  return {
    async count(person, windowStart) {
      const counted = (q: QueryCreator<Database>) =>
        q
          .insertInto('write_tallies')
          .values({ person, window_start: windowStart, writes: 1 })
          .onConflict((c) => c.columns(['person', 'window_start']).doUpdateSet({ writes: sql<number>`write_tallies.writes + 1` }))
          .returning('writes');
      const letGo = (q: QueryCreator<Database>) => q.deleteFrom('write_tallies').where('person', '=', person).where('window_start', '<', windowStart);
      // The common table expression adds no table the insert reads: the insert's types are the same.
      if (dialect === 'postgres')
        return Number((await counted(db.with('earlier', letGo) as unknown as QueryCreator<Database>).executeTakeFirstOrThrow()).writes);
      await letGo(db).execute();
      return Number((await counted(db).executeTakeFirstOrThrow()).writes);
    },
    async takeBack(person, windowStart) {
      await db
        .updateTable('write_tallies')
        .set({ writes: sql<number>`writes - 1` })
        .where('person', '=', person)
        .where('window_start', '=', windowStart)
        .where('writes', '>', 0)
        .execute();
    },
    async forget(person) {
      await db.deleteFrom('write_tallies').where('person', '=', person).execute();
    },
  };
}
