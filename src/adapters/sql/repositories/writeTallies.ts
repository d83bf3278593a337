import { type Kysely, sql } from 'kysely';
import type { WriteTally } from '../../../ports/writeTally.js';
import type { Database } from '../schema.js';

/**
 * The write limit's counts in the database, one row a person and window. The count goes up in one
 * statement (insert, or add one on conflict), so instances writing at once never lose a count.
 */
export function writeTallyRepository(db: Kysely<Database>): WriteTally {
  return {
    async count(person, windowStart) {
      await db.deleteFrom('write_tallies').where('person', '=', person).where('window_start', '<', windowStart).execute();
      const row = await db
        .insertInto('write_tallies')
        .values({ person, window_start: windowStart, writes: 1 })
        .onConflict((c) => c.columns(['person', 'window_start']).doUpdateSet({ writes: sql<number>`write_tallies.writes + 1` }))
        .returning('writes')
        .executeTakeFirstOrThrow();
      return Number(row.writes);
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
