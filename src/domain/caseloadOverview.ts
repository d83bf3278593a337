import { type Agreement, type AgreementState, agreementState, type Party } from './agreement.js';
import { agreementNeeds, type AgreementNeeds, type AgreementRule } from './agreementRules.js';
import { turnsEighteenSoon } from './turningEighteen.js';
import { type Case, CASE_STATUSES, type CaseStatus, type Pathway } from './case.js';
import { daysBetween, type IsoDate } from './dates.js';
import type { Formulation } from './formulation.js';
import type { ReviewState, ReviewStatus } from './reviewCadence.js';
import { inPlacementOrder, overallMovement, type TrmPlacement } from './trm.js';

/**
 * A service's caseload at a glance, for its manager: what is waiting (agreements, reviews), and how
 * the children have moved on the Trauma Recovery Model since their first placement. Cases are
 * named by reference only; the manager opens a case in the tab to see more.
 */
export interface CaseloadRecord {
  case: Case;
  agreements: Agreement[];
  formulations: Formulation[];
  placements: TrmPlacement[];
  /** Where the case stands against its review cadence (null before a formulation is approved). */
  review: ReviewStatus | null;
}

/** How a child has moved since their first placement; `none` when not yet placed. */
export const CASELOAD_MOVEMENTS = ['up', 'same', 'setback', 'first', 'none'] as const;
export type CaseloadMovement = (typeof CASELOAD_MOVEMENTS)[number];

export interface ActiveCaseRow {
  caseId: string;
  reference: string;
  pathway: Pathway;
  referredOn: IsoDate;
  formulationApproved: boolean;
  trmLevel: number | null;
  review: { state: ReviewState; nextReviewDue: IsoDate } | null;
  /** The 18th birthday, when within six months: a transition plan is due. */
  turnsEighteenOn: IsoDate | null;
}

export interface OutstandingAgreementRow {
  caseId: string;
  reference: string;
  status: CaseStatus;
  agreement: AgreementState;
  /** Whose agreement the case is waiting on, for the child's age and legal status today. */
  waitingOn: Party[];
  /** The young person has turned 16 or 18 since they agreed: their own agreement is asked for again. */
  askAgain: AgreementNeeds['askAgain'];
  referredOn: IsoDate;
  daysWaiting: number;
}

export interface ReviewRow {
  caseId: string;
  reference: string;
  state: Exclude<ReviewState, 'not_due'>;
  nextReviewDue: IsoDate;
  overdueFrom: IsoDate;
  daysUntilDue: number;
}

export interface MovementRow {
  caseId: string;
  reference: string;
  firstLevel: number | null;
  latestLevel: number | null;
  placements: number;
  movement: CaseloadMovement;
}

export interface CaseloadOverview {
  counts: Record<CaseStatus, number>;
  activeCases: ActiveCaseRow[];
  agreementsOutstanding: OutstandingAgreementRow[];
  /** Active cases whose review is due soon, due or overdue: overdue first, then by due date. */
  reviews: ReviewRow[];
  /** Over the active cases. */
  trmMovement: { counts: Record<CaseloadMovement, number>; cases: MovementRow[] };
}

const REVIEW_ORDER: Record<ReviewRow['state'], number> = { overdue: 0, due: 1, due_soon: 2 };
const byReference = (a: { reference: string }, b: { reference: string }) => a.reference.localeCompare(b.reference);

/** Waiting on agreement: someone the rules need has not agreed, or the young person is to be asked again. */
function awaitsAgreement(c: Case, needs: AgreementNeeds): boolean {
  if (c.status === 'closed') return false;
  return c.status !== 'active' || needs.missing.length > 0 || needs.askAgain !== null;
}

/** `agreementRules`: the service's own rows of the agreement table. */
export function caseloadOverview(records: CaseloadRecord[], today: IsoDate, agreementRules: readonly AgreementRule[] = []): CaseloadOverview {
  const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  const movementCounts = Object.fromEntries(CASELOAD_MOVEMENTS.map((m) => [m, 0])) as Record<CaseloadMovement, number>;
  const activeCases: ActiveCaseRow[] = [];
  const agreementsOutstanding: OutstandingAgreementRow[] = [];
  const reviews: ReviewRow[] = [];
  const movements: MovementRow[] = [];

  for (const r of records) {
    const c = r.case;
    counts[c.status] += 1;
    const referredOn = c.referredAt.slice(0, 10);
    const agreement = agreementState(r.agreements);
    // A de-identified consultation asks no one to take part in ECM: it is not awaiting agreement.
    const needs =
      c.childDateOfBirth === null
        ? null
        : agreementNeeds(r.agreements, { dateOfBirth: c.childDateOfBirth, legalStatus: c.legalStatus, today, overrides: agreementRules });
    if (needs && awaitsAgreement(c, needs)) {
      agreementsOutstanding.push({
        caseId: c.id,
        reference: c.reference,
        status: c.status,
        agreement,
        waitingOn: needs.askAgain && !needs.missing.includes('young_person') ? ['young_person', ...needs.missing] : needs.missing,
        askAgain: needs.askAgain,
        referredOn,
        daysWaiting: daysBetween(referredOn, today),
      });
    }
    if (c.status !== 'active') continue;

    const placements = inPlacementOrder(r.placements);
    const movement: CaseloadMovement = overallMovement(placements) ?? 'none';
    movementCounts[movement] += 1;
    movements.push({
      caseId: c.id,
      reference: c.reference,
      firstLevel: placements[0]?.level ?? null,
      latestLevel: placements.at(-1)?.level ?? null,
      placements: placements.length,
      movement,
    });
    activeCases.push({
      caseId: c.id,
      reference: c.reference,
      pathway: c.pathway,
      referredOn,
      formulationApproved: r.formulations.some((f) => f.approvedAt !== null),
      trmLevel: placements.at(-1)?.level ?? null,
      review: r.review ? { state: r.review.state, nextReviewDue: r.review.nextReviewDue } : null,
      turnsEighteenOn: c.childDateOfBirth === null ? null : turnsEighteenSoon(c.childDateOfBirth, today),
    });
    if (r.review && r.review.state !== 'not_due') {
      reviews.push({
        caseId: c.id,
        reference: c.reference,
        state: r.review.state,
        nextReviewDue: r.review.nextReviewDue,
        overdueFrom: r.review.overdueFrom,
        daysUntilDue: r.review.daysUntilDue,
      });
    }
  }

  return {
    counts,
    activeCases: activeCases.sort(byReference),
    agreementsOutstanding: agreementsOutstanding.sort((a, b) => b.daysWaiting - a.daysWaiting || byReference(a, b)),
    reviews: reviews.sort((a, b) => REVIEW_ORDER[a.state] - REVIEW_ORDER[b.state] || a.nextReviewDue.localeCompare(b.nextReviewDue) || byReference(a, b)),
    trmMovement: { counts: movementCounts, cases: movements.sort(byReference) },
  };
}
