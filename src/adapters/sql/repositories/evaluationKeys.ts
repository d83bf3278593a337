import type { Kysely } from 'kysely';
import type { EvaluationKeyRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';

export function evaluationKeyRepository(db: Kysely<Database>): EvaluationKeyRepository {
  return {
    async keep(name, candidate, at) {
      // Two instances making the first key at once: the first to write wins, and both read it back.
      await db
        .insertInto('evaluation_keys')
        .values({ name, secret: candidate, created_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('evaluation_keys').select('secret').where('name', '=', name).executeTakeFirstOrThrow();
      return row.secret;
    },
  };
}
