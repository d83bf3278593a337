import { type Kysely, type Migration, sql } from 'kysely';
import type { SqlDialect } from '../schema.js';
import { CASE_EVENTS_CHANNEL } from './0002_postgres.js';

/**
 * NOTIFY's payload must be shorter than 8000 bytes; an event with a longer one is announced by its
 * number alone, and listeners read it from the table.
 */
export const ANNOUNCED_IN_FULL_BELOW = 7900;

/**
 * What a write costs PostgreSQL beside its own transaction (issue 18 §2). Nothing to do on SQLite.
 *
 * - The write limit's counts are unlogged: counting a write then costs no flush of the log to
 *   disk. After a crash, or on a standby taking over, the counts start again from none, which
 *   lets a person make at most one more minute's writes: a limit against a runaway client, not a record.
 * - A committed case event is announced with its content, not only its number, when it fits in a
 *   NOTIFY: listeners hand it on as it arrives, without reading it back, so a delivery no longer
 *   waits for a connection from a pool busy with the writes (the tail of commit-to-delivery), and
 *   each commit no longer costs a read. The payload's `data` is the row's JSON text as written.
 */
export const postgresWrites = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'postgres') return;
    await sql`alter table write_tallies set unlogged`.execute(db);
    await sql`
      create or replace function ecm_announce_case_event() returns trigger language plpgsql as $$
      declare
        whole text := json_build_object('schema', tg_table_schema, 'caseId', new.case_id, 'seq', new.seq, 'type', new.type,
          'actorId', new.actor_id, 'actorName', new.actor_name, 'at', new.at, 'data', new.data_json)::text;
      begin
        if octet_length(whole) < ${sql.lit(ANNOUNCED_IN_FULL_BELOW)} then
          perform pg_notify(${sql.lit(CASE_EVENTS_CHANNEL)}, whole);
        else
          perform pg_notify(${sql.lit(CASE_EVENTS_CHANNEL)}, json_build_object('schema', tg_table_schema, 'caseId', new.case_id, 'seq', new.seq)::text);
        end if;
        return null;
      end $$`.execute(db);
  },
});
