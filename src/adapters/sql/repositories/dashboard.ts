import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Party } from '../../../domain/agreement.js';
import { AGE_BANDS, agreementRuleFor, type AgreementRule } from '../../../domain/agreementRules.js';
import { addDays, type IsoDate } from '../../../domain/dates.js';
import { LEGAL_STATUSES } from '../../../domain/legalStatus.js';
import { REMINDER_DAYS_BEFORE } from '../../../domain/reviewCadence.js';
import type { CaseFacts, DashboardCounts, DashboardList, DashboardQueries, DashboardQuery, FactsMovement, FactsReviewState } from '../../../ports/dashboard.js';
import type { Database, SqlDialect } from '../schema.js';

/**
 * The service dashboard in SQL, one statement per question, the same text on SQLite and PostgreSQL
 * but for one helper below (a date plus some days). Every rule the domain applies per case
 * (src/domain/reviewStatusOf.ts, agreementRules.ts, trm.ts, planAction.ts) is written as a column of
 * `facts`: what depends only on the case's record in its row of case_dashboard_facts, kept as the
 * case changes (dashboardFacts.ts), and what depends on the day or the service's settings here,
 * against the query's today. tests/app/oversight/dashboardQueries.test.ts holds the two to the same
 * answers on a seeded service, on both stores.
 */

type Sql = RawBuilder<unknown>;

/** The day `days` after an ISO date held as text, as ISO text. */
const plusDays = (dialect: SqlDialect, date: Sql, days: number): Sql =>
  dialect === 'postgres'
    ? sql`to_char(cast(${date} as date) + ${sql.lit(Math.trunc(days))}, 'YYYY-MM-DD')`
    : sql`date(${date}, ${sql.lit(`+${Math.trunc(days)} days`)})`;

/**
 * The day `years` before `today`, as text that may not be a date (2008-02-29): a date of birth
 * on or before it is at least `years` old today, as ageInYears counts (ISO text compares as dates).
 */
const yearsBefore = (today: IsoDate, years: number): string => `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}`;

/** Whether the service's agreement table needs `party` for the case's age band and legal status. */
function needs(party: Party, rules: readonly AgreementRule[]): Sql {
  const bands = AGE_BANDS.flatMap((band) => {
    const statuses = LEGAL_STATUSES.filter((s) => agreementRuleFor(band, s, rules).needs.includes(party));
    return statuses.length === 0 ? [] : [sql`(band = ${band} and legal_status in (${sql.join(statuses)}))`];
  });
  if (bands.length === 0) return sql`(1 = 0)`;
  return sql`(${sql.join(bands, sql` or `)})`;
}

/**
 * The service's cases as their facts rows hold them (dashboardFacts.ts), with what depends on the
 * day and on the service's cadence worked out against today.
 */
function base(dialect: SqlDialect, q: DashboardQuery, only: Sql): Sql {
  const { dueWeeks, overdueWeeks } = q.cadence;
  const dueOf = plusDays(dialect, sql`anchor`, 7 * dueWeeks);
  return sql`
    c as (
      select case_id as id, reference, status, pathway, referred_on, dob, legal_status, yp, yp_given_before, pc, la,
        placements, first_level, latest_level, movement, approved, anchor, agreed
      from case_dashboard_facts where service_id = ${q.serviceId} ${only}
    ),
    f1 as (
      select c.*,
        case when anchor is null then null else coalesce(agreed, ${dueOf}) end as next_due,
        case when anchor is null then null
          when agreed is not null and agreed > ${dueOf} then ${plusDays(dialect, sql`agreed`, 7 * (overdueWeeks - dueWeeks))}
          else ${plusDays(dialect, sql`anchor`, 7 * overdueWeeks)} end as overdue_from,
        case when dob <= ${yearsBefore(q.today, 18)} then 'aged_18_plus' when dob <= ${yearsBefore(q.today, 16)} then 'aged_16_17' else 'under_16' end as band
      from c
    )`;
}

/**
 * Every case of the service with what the dashboard derives from its record; `only` narrows the
 * cases first (a page of the active cases in reference order needs no other case looked up).
 */
function facts(dialect: SqlDialect, q: DashboardQuery, only: Sql = NONE): Sql {
  const today = sql`${q.today}`;
  const soon = addDays(q.today, REMINDER_DAYS_BEFORE);
  const missing = (party: Party, latest: string) =>
    sql`case when ${needs(party, q.agreementRules)} and coalesce(${sql.ref(latest)}, '') <> 'given' then 1 else 0 end`;
  return sql`
    ${base(dialect, q, only)},
    f2 as (
      select f1.*,
        ${missing('young_person', 'yp')} as missing_yp,
        ${missing('parent_carer', 'pc')} as missing_pc,
        ${missing('local_authority', 'la')} as missing_la,
        case
          when band = 'aged_18_plus' and yp_given_before in (16, 18) then 'turned_18'
          when band = 'aged_16_17' and yp_given_before = 16 then 'turned_16'
        end as ask_again,
        case
          when status <> 'active' or anchor is null then null
          when ${today} >= overdue_from then 'overdue'
          when next_due <= ${today} then 'due'
          when next_due <= ${soon} then 'due_soon'
          else 'not_due'
        end as review_state
      from f1
    ),
    facts as (
      select f2.*,
        case when status <> 'closed' and dob is not null
          and (status <> 'active' or missing_yp = 1 or missing_pc = 1 or missing_la = 1 or ask_again is not null)
          then 1 else 0 end as awaits
      from f2
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

const NONE = sql``;

/** The columns a list row needs besides those the counts group by. */
const ROW_COLUMNS = [
  'id',
  'reference',
  'pathway',
  'referred_on',
  'dob',
  'legal_status',
  'yp',
  'pc',
  'la',
  'missing_yp',
  'missing_pc',
  'missing_la',
  'ask_again',
  'approved',
  'placements',
  'first_level',
  'latest_level',
  'next_due',
  'overdue_from',
];

interface CountRow {
  status: string;
  movement: FactsMovement;
  review_state: FactsReviewState | null;
  awaits: number | string;
  n: number | string;
}

/** A handful of groups, however many cases. */
function countsOf(groups: CountRow[]): DashboardCounts {
  const counts: DashboardCounts = {
    byStatus: {},
    byMovement: { up: 0, same: 0, setback: 0, first: 0, none: 0 },
    byReviewState: { not_due: 0, due_soon: 0, due: 0, overdue: 0 },
    agreementsOutstanding: 0,
  };
  for (const g of groups) {
    const n = Number(g.n);
    counts.byStatus[g.status] = (counts.byStatus[g.status] ?? 0) + n;
    if (g.status === 'active') counts.byMovement[g.movement] += n;
    if (g.review_state) counts.byReviewState[g.review_state] += n;
    if (Number(g.awaits) === 1) counts.agreementsOutstanding += n;
  }
  return counts;
}

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
      const { rows } = await sql<CountRow>`
        with ${facts(dialect, q)}
        select status, movement, review_state, awaits, count(*) as n from facts group by status, movement, review_state, awaits`.execute(db);
      return countsOf(rows);
    },

    async page(q, list, offset, limit) {
      const { where, order } = LISTS[list];
      const only = list === 'active-cases' || list === 'trm-movement' ? sql`and status = 'active' order by reference limit ${limit} offset ${offset}` : NONE;
      const { rows } = await sql<FactsRow>`
        with ${facts(dialect, q, only)}
        select * from facts where ${where} order by ${order} limit ${limit} offset ${only === NONE ? offset : 0}`.execute(db);
      return rows.map(toFacts);
    },

    async overview(q, limit) {
      // One pass over the caseload for the counts and the first page of the two lists whose members only the facts tell.
      const columns = sql.raw(ROW_COLUMNS.join(', '));
      const nulls = sql.raw(ROW_COLUMNS.map((c) => `null as ${c}`).join(', '));
      const { rows } = await sql<FactsRow & { part: string; n: number | string; awaits: number | string }>`
        with ${facts(dialect, q)}
        select 'counts' as part, status, movement, review_state, awaits, count(*) as n, ${nulls} from facts group by status, movement, review_state, awaits
        union all
        select * from (select 'agreements' as part, status, movement, review_state, awaits, 0 as n, ${columns} from facts
          where ${LISTS['agreements-outstanding'].where} order by ${LISTS['agreements-outstanding'].order} limit ${limit}) a
        union all
        select * from (select 'reviews' as part, status, movement, review_state, awaits, 0 as n, ${columns} from facts
          where ${LISTS.reviews.where} order by ${LISTS.reviews.order} limit ${limit}) r`.execute(db);
      return {
        counts: countsOf(rows.filter((r) => r.part === 'counts')),
        agreements: rows.filter((r) => r.part === 'agreements').map(toFacts),
        reviews: rows.filter((r) => r.part === 'reviews').map(toFacts),
      };
    },

    async activeCount(serviceId) {
      const r = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('service_id', '=', serviceId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(r?.n ?? 0);
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
