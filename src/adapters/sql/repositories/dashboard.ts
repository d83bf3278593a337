import { type Kysely, type RawBuilder, sql } from 'kysely';
import { AGE_BANDS, agreementRuleFor, type AgreementRule } from '../../../domain/agreementRules.js';
import { addDays } from '../../../domain/dates.js';
import { LEGAL_STATUSES } from '../../../domain/legalStatus.js';
import { REMINDER_DAYS_BEFORE } from '../../../domain/reviewCadence.js';
import type {
  CaseFacts,
  DashboardCounts,
  DashboardList,
  DashboardQueries,
  DashboardQuery,
  FactsMovement,
  FactsReviewState,
} from '../../../ports/dashboard.js';
import type { Database, SqlDialect } from '../schema.js';

/**
 * The service dashboard in SQL, one statement per question, the same text on SQLite and PostgreSQL
 * but for two helpers below (a date plus some days; a field of a JSON column). Every rule the
 * domain applies per case (src/domain/reviewStatusOf.ts, agreementRules.ts, trm.ts, planAction.ts)
 * is written here as a column of `facts`; tests/app/oversight/dashboardQueries.test.ts holds the two
 * to the same answers on a seeded service, on both stores.
 */

type Sql = RawBuilder<unknown>;

const PARTIES = ['young_person', 'parent_carer', 'local_authority'] as const;

/** The day `days` after an ISO date held as text, as ISO text. */
const plusDays = (dialect: SqlDialect, date: Sql, days: number): Sql =>
  dialect === 'postgres'
    ? sql`to_char(cast(${date} as date) + ${sql.lit(Math.trunc(days))}, 'YYYY-MM-DD')`
    : sql`date(${date}, ${sql.lit(`+${Math.trunc(days)} days`)})`;

/** The next-review date a held meeting agreed, from its outcome (JSON text). */
const agreedDue = (dialect: SqlDialect): Sql =>
  dialect === 'postgres' ? sql`(cast(m.outcome_json as jsonb) ->> 'nextReviewDue')` : sql`json_extract(m.outcome_json, '$.nextReviewDue')`;

const year = (d: Sql): Sql => sql`cast(substr(${d}, 1, 4) as integer)`;
const monthDay = (d: Sql): Sql => sql`substr(${d}, 6, 5)`;

/** Completed years from the date of birth to `on` (as ageInYears; -1 before birth). */
const ageOn = (dob: Sql, on: Sql): Sql =>
  sql`case when ${on} < ${dob} then -1 else ${year(on)} - ${year(dob)} - (case when ${monthDay(on)} < ${monthDay(dob)} then 1 else 0 end) end`;

/** `date` falls before the `n`th birthday. */
const beforeBirthday = (date: Sql, dob: Sql, n: number): Sql =>
  sql`(${year(date)} - ${year(dob)} < ${sql.lit(n)} or (${year(date)} - ${year(dob)} = ${sql.lit(n)} and ${monthDay(date)} < ${monthDay(dob)}))`;

/** Whether the service's agreement table needs `party` for the case's age band and legal status. */
function needs(party: (typeof PARTIES)[number], rules: readonly AgreementRule[]): Sql {
  const keys = AGE_BANDS.flatMap((band) => LEGAL_STATUSES.filter((s) => agreementRuleFor(band, s, rules).needs.includes(party)).map((s) => `${band}/${s}`));
  if (keys.length === 0) return sql`(1 = 0)`;
  return sql`((band || '/' || legal_status) in (${sql.join(keys)}))`;
}

/** Every case of the service with what the dashboard derives from its record. */
function facts(dialect: SqlDialect, q: DashboardQuery): Sql {
  const today = sql`${q.today}`;
  const soon = addDays(q.today, REMINDER_DAYS_BEFORE);
  const { dueWeeks, overdueWeeks } = q.cadence;
  const dueOf = plusDays(dialect, sql`anchor`, 7 * dueWeeks);
  const missing = (party: (typeof PARTIES)[number], latest: string) =>
    sql`case when ${needs(party, q.agreementRules)} and coalesce(${sql.ref(latest)}, '') <> 'given' then 1 else 0 end`;
  return sql`
    c as (
      select id, reference, status, pathway, substr(referred_at, 1, 10) as referred_on, child_dob as dob, legal_status
      from cases where service_id = ${q.serviceId}
    ),
    ag as (
      select case_id,
        max(case when party = 'young_person' then decision end) as yp,
        max(case when party = 'young_person' then date end) as yp_date,
        max(case when party = 'parent_carer' then decision end) as pc,
        max(case when party = 'local_authority' then decision end) as la
      from (
        select a.case_id, a.party, a.decision, a.date, row_number() over (partition by a.case_id, a.party order by a.seq desc) as rn
        from agreements a join c on c.id = a.case_id
      ) latest
      where rn = 1
      group by case_id
    ),
    tp as (
      select case_id, count(*) as placements,
        max(case when first_rn = 1 then level end) as first_level,
        max(case when last_rn = 1 then level end) as latest_level
      from (
        select p.case_id, p.level,
          row_number() over (partition by p.case_id order by p.effective_date, p.placed_at) as first_rn,
          row_number() over (partition by p.case_id order by p.effective_date desc, p.placed_at desc) as last_rn
        from trm_placements p join c on c.id = p.case_id and c.status = 'active'
      ) ordered
      group by case_id
    ),
    fa as (
      select distinct f.case_id from formulations f join c on c.id = f.case_id and c.status = 'active' where f.approved_at is not null
    ),
    clock as (
      select case_id, d as anchor, agreed from (
        select case_id, d, agreed,
          row_number() over (partition by case_id order by d desc, case when agreed is null then 0 else 1 end desc) as rn
        from (
          select f.case_id, substr(f.approved_at, 1, 10) as d, cast(null as text) as agreed
          from formulations f join c on c.id = f.case_id and c.status = 'active'
          where f.approved_at is not null
          union all
          select m.case_id, substr(m.starts_at, 1, 10) as d, ${agreedDue(dialect)} as agreed
          from meetings m join c on c.id = m.case_id and c.status = 'active'
          where m.status = 'held' and m.kind <> 'consultation'
        ) starts
      ) ranked
      where rn = 1
    ),
    rv as (
      select case_id, anchor, coalesce(agreed, ${dueOf}) as next_due,
        case when agreed is not null and agreed > ${dueOf}
          then ${plusDays(dialect, sql`agreed`, 7 * (overdueWeeks - dueWeeks))}
          else ${plusDays(dialect, sql`anchor`, 7 * overdueWeeks)} end as overdue_from
      from clock
    ),
    f1 as (
      select c.*, ag.yp, ag.yp_date, ag.pc, ag.la,
        coalesce(tp.placements, 0) as placements, tp.first_level, tp.latest_level,
        case when fa.case_id is null then 0 else 1 end as approved,
        rv.anchor, rv.next_due, rv.overdue_from,
        case when c.dob is null then null else ${ageOn(sql`c.dob`, today)} end as age
      from c
      left join ag on ag.case_id = c.id
      left join tp on tp.case_id = c.id
      left join fa on fa.case_id = c.id
      left join rv on rv.case_id = c.id
    ),
    f2 as (
      select f1.*, case when age >= 18 then 'aged_18_plus' when age >= 16 then 'aged_16_17' else 'under_16' end as band from f1
    ),
    f3 as (
      select f2.*,
        ${missing('young_person', 'yp')} as missing_yp,
        ${missing('parent_carer', 'pc')} as missing_pc,
        ${missing('local_authority', 'la')} as missing_la,
        case
          when yp = 'given' and band = 'aged_18_plus' and ${beforeBirthday(sql`yp_date`, sql`dob`, 18)} then 'turned_18'
          when yp = 'given' and band = 'aged_16_17' and ${beforeBirthday(sql`yp_date`, sql`dob`, 16)} then 'turned_16'
        end as ask_again,
        case
          when placements = 0 then 'none'
          when placements = 1 then 'first'
          when latest_level > first_level then 'up'
          when latest_level < first_level then 'setback'
          else 'same'
        end as movement,
        case
          when status <> 'active' or anchor is null then null
          when ${today} >= overdue_from then 'overdue'
          when next_due <= ${today} then 'due'
          when next_due <= ${soon} then 'due_soon'
          else 'not_due'
        end as review_state
      from f2
    ),
    facts as (
      select f3.*,
        case when status <> 'closed' and dob is not null
          and (status <> 'active' or missing_yp = 1 or missing_pc = 1 or missing_la = 1 or ask_again is not null)
          then 1 else 0 end as awaits
      from f3
    )`;
}

interface FactsRow {
  id: string;
  reference: string;
  status: string;
  pathway: string;
  referred_on: string;
  dob: string | null;
  legal_status: string;
  yp: string | null;
  pc: string | null;
  la: string | null;
  missing_yp: number | string;
  missing_pc: number | string;
  missing_la: number | string;
  ask_again: 'turned_16' | 'turned_18' | null;
  approved: number | string;
  placements: number | string;
  first_level: number | string | null;
  latest_level: number | string | null;
  movement: FactsMovement;
  review_state: FactsReviewState | null;
  next_due: string | null;
  overdue_from: string | null;
  total: number | string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

const toFacts = (r: FactsRow): CaseFacts => ({
  caseId: r.id,
  reference: r.reference,
  status: r.status,
  pathway: r.pathway,
  referredOn: r.referred_on,
  dateOfBirth: r.dob,
  legalStatus: r.legal_status,
  youngPerson: r.yp,
  parentCarer: r.pc,
  localAuthority: r.la,
  missing: { young_person: Number(r.missing_yp) === 1, parent_carer: Number(r.missing_pc) === 1, local_authority: Number(r.missing_la) === 1 },
  askAgain: r.ask_again,
  formulationApproved: Number(r.approved) === 1,
  placements: Number(r.placements),
  firstLevel: num(r.first_level),
  latestLevel: num(r.latest_level),
  movement: r.movement,
  review: r.review_state && r.next_due && r.overdue_from ? { state: r.review_state, nextReviewDue: r.next_due, overdueFrom: r.overdue_from } : null,
});

/** Which cases each list holds, and in what order (a unique key last, so pages never overlap). */
const LISTS: Record<DashboardList, { where: Sql; order: Sql }> = {
  'active-cases': { where: sql`status = 'active'`, order: sql`reference` },
  'trm-movement': { where: sql`status = 'active'`, order: sql`reference` },
  'agreements-outstanding': { where: sql`awaits = 1`, order: sql`referred_on, reference` },
  reviews: {
    where: sql`review_state in ('overdue', 'due', 'due_soon')`,
    order: sql`case review_state when 'overdue' then 0 when 'due' then 1 else 2 end, next_due, reference`,
  },
};

export function dashboardRepository(db: Kysely<Database>, dialect: SqlDialect): DashboardQueries {
  return {
    async counts(q) {
      const { rows } = await sql<{ status: string; movement: FactsMovement; review_state: FactsReviewState | null; awaits: number | string; n: number | string }>`
        with ${facts(dialect, q)}
        select status, movement, review_state, awaits, count(*) as n from facts group by status, movement, review_state, awaits`.execute(db);
      const counts: DashboardCounts = {
        byStatus: {},
        byMovement: { up: 0, same: 0, setback: 0, first: 0, none: 0 },
        byReviewState: { not_due: 0, due_soon: 0, due: 0, overdue: 0 },
        agreementsOutstanding: 0,
      };
      // A handful of groups, however many cases.
      for (const g of rows) {
        const n = Number(g.n);
        counts.byStatus[g.status] = (counts.byStatus[g.status] ?? 0) + n;
        if (g.status === 'active') counts.byMovement[g.movement] += n;
        if (g.review_state) counts.byReviewState[g.review_state] += n;
        if (Number(g.awaits) === 1) counts.agreementsOutstanding += n;
      }
      return counts;
    },

    async page(q, list, offset, limit) {
      const { where, order } = LISTS[list];
      const { rows } = await sql<FactsRow>`
        with ${facts(dialect, q)}
        select facts.*, count(*) over () as total from facts where ${where} order by ${order} limit ${limit} offset ${offset}`.execute(db);
      if (rows.length > 0 || offset === 0) return { rows: rows.map(toFacts), total: Number(rows[0]?.total ?? 0) };
      const { rows: all } = await sql<{ n: number | string }>`with ${facts(dialect, q)} select count(*) as n from facts where ${where}`.execute(db);
      return { rows: [], total: Number(all[0]?.n ?? 0) };
    },

    async overdueByAgency(serviceId, today, casesPerAgency) {
      const overdue = sql`
        select a.owner_agency as agency, a.case_id, c.reference
        from plan_actions a join cases c on c.id = a.case_id
        where c.service_id = ${serviceId} and c.status <> 'closed'
          and a.due_by is not null and a.due_by < ${today} and a.status in ('planned', 'under_way')`;
      const { rows: groups } = await sql<{ agency: string; overdue: number | string; case_count: number | string }>`
        select agency, count(*) as overdue, count(distinct case_id) as case_count from (${overdue}) o group by agency`.execute(db);
      if (groups.length === 0) return [];
      const { rows: firsts } = await sql<{ agency: string; case_id: string; reference: string }>`
        select agency, case_id, reference from (
          select agency, case_id, reference, row_number() over (partition by agency order by reference) as rn
          from (select distinct agency, case_id, reference from (${overdue}) o) d
        ) r where rn <= ${casesPerAgency} order by agency, reference`.execute(db);
      return groups
        .map((g) => ({
          agency: g.agency,
          overdue: Number(g.overdue),
          caseCount: Number(g.case_count),
          cases: firsts.filter((f) => f.agency === g.agency).map((f) => ({ caseId: f.case_id, reference: f.reference })),
        }))
        .sort((a, b) => b.overdue - a.overdue || a.agency.localeCompare(b.agency));
    },

    async unreachableOnOpenCases(serviceId, casesPerPerson) {
      const on = sql`
        select distinct t.staff_id, c.reference
        from team_members t
        join cases c on c.id = t.case_id
        join bot_conversations b on b.staff_id = t.staff_id
        where c.service_id = ${serviceId} and c.status <> 'closed' and b.unreachable_reason is not null and b.unreachable_since is not null`;
      const { rows } = await sql<{ staff_id: string; reason: string; since: string; name: string | null; case_count: number | string }>`
        select o.staff_id, b.unreachable_reason as reason, b.unreachable_since as since, s.name, count(*) as case_count
        from (${on}) o join bot_conversations b on b.staff_id = o.staff_id left join staff s on s.id = o.staff_id
        group by o.staff_id, b.unreachable_reason, b.unreachable_since, s.name`.execute(db);
      if (rows.length === 0) return [];
      const { rows: firsts } = await sql<{ staff_id: string; reference: string }>`
        select staff_id, reference from (
          select staff_id, reference, row_number() over (partition by staff_id order by reference) as rn from (${on}) o
        ) r where rn <= ${casesPerPerson} order by staff_id, reference`.execute(db);
      return rows.map((r) => ({
        staffId: r.staff_id,
        name: r.name ?? r.staff_id,
        reason: r.reason,
        since: r.since,
        caseCount: Number(r.case_count),
        cases: firsts.filter((f) => f.staff_id === r.staff_id).map((f) => f.reference),
      }));
    },

    async referencesOf(serviceId, caseIds) {
      if (caseIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('cases')
        .select(['id', 'reference'])
        .where('service_id', '=', serviceId)
        .where('id', 'in', [...new Set(caseIds)])
        .execute();
      return new Map(rows.map((r) => [r.id, r.reference]));
    },
  };
}
