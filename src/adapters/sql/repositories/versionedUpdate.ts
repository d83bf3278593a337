import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The tables of a case's records that are keyed by their own id and the case's, and carry a version. */
type CaseRecordTable = 'plan_actions' | 'timeline_questions';

/**
 * Writes a case record over the stored one only while it is still at `expectedVersion`: false when
 * someone changed it first (the caller answers 412), so no change is ever written over unseen.
 */
export async function updateIfVersion<T extends CaseRecordTable>(db: Kysely<Database>, table: T, row: Database[T], expectedVersion: number): Promise<boolean> {
  const { id, case_id, ...rest } = row;
  // Kysely cannot type an update over a table chosen by a parameter; the row's own type above is what keeps this honest.
  const r = await (db as unknown as Kysely<Record<CaseRecordTable, Database[CaseRecordTable]>>)
    .updateTable(table as CaseRecordTable)
    .set(rest)
    .where('id', '=', id)
    .where('case_id', '=', case_id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
