import type { AgreementRule } from '../domain/agreementRules.js';
import type { IsoDate } from '../domain/dates.js';
import type { ReviewCadence } from '../domain/service.js';

/**
 * The service dashboard's read model: counts and groupings worked out by the database over the whole
 * caseload, and the lists a page at a time, so no request walks every case of a service (issue 18 §3).
 * Each row is the case's facts as the database derived them; src/domain/caseloadOverview.ts turns a
 * page of them into the rows a manager reads.
 */
export interface DashboardQuery {
  serviceId: string;
  today: IsoDate;
  /** The service's review cadence and agreement table (its own rows over the defaults). */
  cadence: ReviewCadence;
  agreementRules: readonly AgreementRule[];
}

/** The case lists of the dashboard, each in its own stable order. */
export const DASHBOARD_LISTS = ['active-cases', 'agreements-outstanding', 'reviews', 'trm-movement'] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

export type FactsReviewState = 'not_due' | 'due_soon' | 'due' | 'overdue';
export type FactsMovement = 'up' | 'same' | 'setback' | 'first' | 'none';

/** One case as the dashboard sees it: derived in SQL, never per case in JavaScript. */
export interface CaseFacts {
  caseId: string;
  reference: string;
  status: string;
  pathway: string;
  referredOn: IsoDate;
  dateOfBirth: IsoDate | null;
  legalStatus: string;
  /** The latest decision of each party, in recorded order. */
  youngPerson: string | null;
  parentCarer: string | null;
  localAuthority: string | null;
  missing: { young_person: boolean; parent_carer: boolean; local_authority: boolean };
  askAgain: 'turned_16' | 'turned_18' | null;
  formulationApproved: boolean;
  placements: number;
  firstLevel: number | null;
  latestLevel: number | null;
  movement: FactsMovement;
  /** Null when the case is not active or nothing has started its review clock. */
  review: { state: FactsReviewState; nextReviewDue: IsoDate; overdueFrom: IsoDate } | null;
}

/** The counts of the whole caseload, in one pass of the database. */
export interface DashboardCounts {
  byStatus: Record<string, number>;
  /** Over the active cases. */
  byMovement: Record<FactsMovement, number>;
  /** Over the active cases whose review clock has started. */
  byReviewState: Record<FactsReviewState, number>;
  agreementsOutstanding: number;
}

export interface AgencyOverdueRow {
  agency: string;
  overdue: number;
  /** How many open cases hold them; `cases` lists the first ones by reference. */
  caseCount: number;
  cases: { caseId: string; reference: string }[];
}

export interface UnreachableOnCases {
  staffId: string;
  name: string;
  reason: string;
  since: string;
  caseCount: number;
  /** The first references of the open cases they are on. */
  cases: string[];
}

export interface DashboardQueries {
  counts(q: DashboardQuery): Promise<DashboardCounts>;
  /** In one pass: the counts, and the first `limit` rows of the agreements outstanding and of the reviews. */
  overview(q: DashboardQuery, limit: number): Promise<{ counts: DashboardCounts; agreements: CaseFacts[]; reviews: CaseFacts[] }>;
  /** `offset`/`limit` over the list's stable order (its whole length is in `counts`: see totalOf). */
  page(q: DashboardQuery, list: DashboardList, offset: number, limit: number): Promise<CaseFacts[]>;
  /** How many active cases the service has (the length of the active-cases and trm-movement lists). */
  activeCount(serviceId: string): Promise<number>;
  /** Open cases' actions past their "by when" and not done or stopped, grouped by the holding agency. */
  overdueByAgency(serviceId: string, today: IsoDate, casesPerAgency: number): Promise<AgencyOverdueRow[]>;
  /** People on the open cases' teams whom the bot cannot reach. */
  unreachableOnOpenCases(serviceId: string, casesPerPerson: number): Promise<UnreachableOnCases[]>;
  /** The references of these cases of the service (for the undelivered lists). */
  referencesOf(serviceId: string, caseIds: readonly string[]): Promise<Map<string, string>>;
}

/** A list's whole length, from the counts. */
export function totalOf(counts: DashboardCounts, list: DashboardList): number {
  if (list === 'agreements-outstanding') return counts.agreementsOutstanding;
  if (list === 'reviews') return counts.byReviewState.overdue + counts.byReviewState.due + counts.byReviewState.due_soon;
  return counts.byStatus.active ?? 0;
}
