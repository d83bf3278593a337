import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, SqlDialect } from '../schema.js';

/**
 * One row per case of what the service dashboard reads of its record (issue 18 §3): the latest
 * decision of each party, the first and latest TRM level, whether a formulation is approved, and
 * what starts its review clock. Every repository that writes one of these facts (a case, an
 * agreement, a placement, a formulation, a meeting) refreshes the case's row in the same
 * transaction, so the dashboard is an aggregate over one narrow table instead of a walk of five.
 *
 * Only facts of the record are kept here. Whatever depends on the day (age, "due within 14 days",
 * "overdue") or on the service's settings (its review cadence, its agreement table) is worked out
 * when the dashboard is read, against the injected clock's today (dashboard.ts).
 */

type Sql = RawBuilder<unknown>;

const year = (d: Sql): Sql => sql`cast(substr(${d}, 1, 4) as integer)`;
const monthDay = (d: Sql): Sql => sql`substr(${d}, 6, 5)`;

/** `date` falls before the `n`th birthday. */
const beforeBirthday = (date: Sql, dob: Sql, n: number): Sql =>
  sql`(${year(date)} - ${year(dob)} < ${sql.lit(n)} or (${year(date)} - ${year(dob)} = ${sql.lit(n)} and ${monthDay(date)} < ${monthDay(dob)}))`;

/** The next-review date a held meeting agreed, from its outcome (JSON text). */
const agreedDue = (dialect: SqlDialect): Sql =>
  dialect === 'postgres' ? sql`(cast(m.outcome_json as jsonb) ->> 'nextReviewDue')` : sql`json_extract(m.outcome_json, '$.nextReviewDue')`;

const COLUMNS = [
  'case_id',
  'service_id',
  'reference',
  'status',
  'pathway',
  'referred_on',
  'dob',
  'legal_status',
  'yp',
  'yp_given_before',
  'pc',
  'la',
  'placements',
  'first_level',
  'latest_level',
  'movement',
  'approved',
  'anchor',
  'agreed',
] as const;

/**
 * The facts of the cases `which` selects, written over their rows: each an index lookup of its own
 * (agreements by case and order, placements in placement order, approvals, held meetings); what
 * only an open or an active case shows is looked up only for one.
 */
function upsertFacts(dialect: SqlDialect, which: Sql): Sql {
  const latest = (party: string, column: string) =>
    sql`case when status <> 'closed' then (select a.${sql.ref(column)} from agreements a where a.case_id = c.id and a.party = ${party} order by a.seq desc limit 1) end`;
  const held = sql`m.case_id = s2.id and m.status = 'held' and m.kind <> 'consultation'`;
  const columns = sql.raw(COLUMNS.join(', '));
  const updates = sql.raw(
    COLUMNS.filter((c) => c !== 'case_id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', '),
  );
  return sql`
    with c as (
      select id, service_id, reference, status, pathway, substr(referred_at, 1, 10) as referred_on, child_dob as dob, legal_status
      from cases where ${which}
    ),
    s1 as materialized (
      select c.*,
        ${latest('young_person', 'decision')} as yp,
        ${latest('young_person', 'date')} as yp_date,
        ${latest('parent_carer', 'decision')} as pc,
        ${latest('local_authority', 'decision')} as la,
        case when status = 'active' then (select count(*) from trm_placements p where p.case_id = c.id) else 0 end as placements,
        case when status = 'active' then (select p.level from trm_placements p where p.case_id = c.id order by p.effective_date, p.placed_at limit 1) end as first_level,
        case when status = 'active' then (select p.level from trm_placements p where p.case_id = c.id order by p.effective_date desc, p.placed_at desc limit 1) end as latest_level,
        case when status = 'active' then (select max(substr(f.approved_at, 1, 10)) from formulations f where f.case_id = c.id and f.approved_at is not null) end as fdate,
        case when status = 'active' then (select max(substr(m.starts_at, 1, 10)) from meetings m where m.case_id = c.id and m.status = 'held' and m.kind <> 'consultation') end as mdate
      from c
    ),
    s2 as materialized (
      select s1.*, case when fdate is null then 0 else 1 end as approved,
        case when fdate is null then mdate when mdate is null or fdate > mdate then fdate else mdate end as anchor
      from s1
    )
    insert into case_dashboard_facts (${columns})
    select id, service_id, reference, status, pathway, referred_on, dob, legal_status, yp,
      case when yp = 'given' then
        case when ${beforeBirthday(sql`yp_date`, sql`dob`, 16)} then 16 when ${beforeBirthday(sql`yp_date`, sql`dob`, 18)} then 18 end
      end,
      pc, la, placements, first_level, latest_level,
      case
        when placements = 0 then 'none'
        when placements = 1 then 'first'
        when latest_level > first_level then 'up'
        when latest_level < first_level then 'setback'
        else 'same'
      end,
      approved, anchor,
      case when mdate is not null and mdate = anchor then
        (select ${agreedDue(dialect)} from meetings m where ${held} and substr(m.starts_at, 1, 10) = s2.anchor and ${agreedDue(dialect)} is not null order by m.starts_at desc limit 1)
      end
    from s2 where true
    on conflict (case_id) do update set ${updates}`;
}

/**
 * After a write to the case or to one of its agreements, placements, formulations or meetings.
 * On PostgreSQL two transactions may change one case at once (a placement, an agreement), each
 * seeing only its own change: the row is rewritten under the case's row lock, in a statement of
 * its own, so the one that commits last has waited for the other and reads its change. SQLite
 * runs one writer at a time.
 */
export async function refreshDashboardFacts(db: Kysely<Database>, dialect: SqlDialect, caseId: string): Promise<void> {
  if (dialect === 'postgres') await sql`select id from cases where id = ${caseId} for update`.execute(db);
  await upsertFacts(dialect, sql`id = ${caseId}`).execute(db);
}

/** Every case at once (the migration that adds the table fills it for the cases already there). */
export async function refreshAllDashboardFacts(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  await upsertFacts(dialect, sql`1 = 1`).execute(db);
}
