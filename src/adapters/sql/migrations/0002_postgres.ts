import { type Kysely, type Migration, sql } from 'kysely';
import type { SqlDialect } from '../schema.js';

/** The channel on which PostgreSQL announces each committed case event; see postgresCaseEventBus. */
export const CASE_EVENTS_CHANNEL = 'ecm_case_events';

/** Advisory locks of this class serialise the numbering of one case's events ("ECM" + 1). */
const CASE_EVENTS_LOCK_CLASS = 0x45434d01;

/**
 * What PostgreSQL needs that SQLite gives for free by letting one writer in at a time. Nothing to do
 * on SQLite.
 *
 * - Events of one case are numbered in commit order. With several writers, a sequence hands out
 *   numbers in start order, so a later number could commit first; a watcher that saw it would then
 *   skip the earlier one for ever (it resumes after the highest number seen). The number is taken
 *   under a per-case lock held until commit, so for one case number order is commit order.
 * - Each committed event is announced with NOTIFY, which PostgreSQL delivers only on commit and in
 *   commit order, to every instance listening. The payload names the event; listeners read the row.
 * - Case event numbers are bigint: they count every change in every service.
 * - Keyset and time columns compare byte by byte, as on SQLite, whatever the server's locale.
 */
export const postgres = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    if (dialect !== 'postgres') return;

    const { rows } = await sql<{ name: string }>`select pg_get_serial_sequence('case_events', 'seq') as name`.execute(db);
    const sequence = rows[0]?.name;
    if (!sequence) throw new Error('case_events.seq has no sequence');
    await sql`alter table case_events alter column seq drop default, alter column seq type bigint`.execute(db);
    await sql`alter sequence ${sql.raw(sequence)} as bigint`.execute(db);

    await sql`
      create function ecm_number_case_event() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(${sql.lit(CASE_EVENTS_LOCK_CLASS)}, hashtext(new.case_id));
        new.seq := nextval(${sql.lit(sequence)}::regclass);
        return new;
      end $$`.execute(db);
    await sql`create trigger number_case_event before insert on case_events for each row execute function ecm_number_case_event()`.execute(db);

    await sql`
      create function ecm_announce_case_event() returns trigger language plpgsql as $$
      begin
        perform pg_notify(${sql.lit(CASE_EVENTS_CHANNEL)}, json_build_object('schema', tg_table_schema, 'caseId', new.case_id, 'seq', new.seq)::text);
        return null;
      end $$`.execute(db);
    await sql`create trigger announce_case_event after insert on case_events for each row execute function ecm_announce_case_event()`.execute(db);

    const bytewise = (table: string, columns: string[]) =>
      sql`alter table ${sql.table(table)} ${sql.join(
        columns.map((c) => sql`alter column ${sql.ref(c)} type text collate "C"`),
        sql`, `,
      )}`.execute(db);
    await bytewise('cases', ['id', 'referred_at']);
    await bytewise('timeline_entries', ['id', 'span_start', 'span_end', 'created_at']);
    await bytewise('outbox_jobs', ['next_attempt_at', 'locked_until', 'created_at']);
  },
});
