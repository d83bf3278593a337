import { type Agreement, agreementState, type Decision as AgreementDecision, type Party } from './agreement.js';
import { agreementNeeds, type AgreementRule } from './agreementRules.js';
import type { Case } from './case.js';
import { daysBetween, type IsoDate } from './dates.js';
import type { Formulation } from './formulation.js';
import { type Meeting, meetingDate } from './meeting.js';
import { reviewStatus } from './reviewCadence.js';
import type { ReviewCadence } from './service.js';
import { inPlacementOrder, overallMovement, type TrmPlacement } from './trm.js';

/**
 * The measures a service reports for evaluation, one anonymised row per case. Every column is a
 * number, a code from a fixed list or a month: never a name, a date of birth, a case reference or
 * any text a person typed, so the export can leave the service without identifying a child.
 */
export interface CaseRecord {
  case: Case;
  agreements: Agreement[];
  formulations: Formulation[];
  meetings: Meeting[];
  placements: TrmPlacement[];
}

export const OUTCOME_COLUMNS = [
  'case_no',
  'service',
  'pathway',
  'status',
  'referral_month',
  'young_person_agreement',
  'parent_carer_agreement',
  'days_referral_to_agreement',
  'days_referral_to_formulation',
  'reviews_held',
  'reviews_held_on_time',
  'trm_first_level',
  'trm_latest_level',
  'trm_movement',
  'closure_reason',
] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];
export type OutcomeRow = Record<OutcomeColumn, string | number | null>;

const dateOf = (instant: string): IsoDate => instant.slice(0, 10);

/**
 * The day everyone who had to agree when the child was referred (their age and legal status then)
 * had agreed, if they have.
 */
function agreedOn(record: CaseRecord, agreementRules: readonly AgreementRule[]): IsoDate | null {
  const c = record.case;
  if (c.childDateOfBirth === null) return null;
  const child = { dateOfBirth: c.childDateOfBirth, legalStatus: c.legalStatus, today: dateOf(c.referredAt), overrides: agreementRules };
  const { rule } = agreementNeeds(record.agreements, child);
  const state = agreementState(record.agreements);
  if (rule.needs.some((p) => state[p] !== 'given')) return null;
  const lastGiven = (party: Party) =>
    record.agreements
      .filter((a) => a.party === party && a.decision === 'given')
      .map((a) => a.date)
      .sort()
      .pop() as IsoDate;
  return rule.needs.map(lastGiven).sort().pop() ?? null;
}

/**
 * Reviews held, and how many were held before they became overdue by the service's cadence. Each
 * review is measured from the formulation approval or meeting before it, honouring the next-review
 * date agreed at that meeting.
 */
export function reviewPunctuality(formulations: Formulation[], meetings: Meeting[], cadence: ReviewCadence): { held: number; onTime: number } {
  const anchors = [
    ...formulations.filter((f) => f.approvedAt).map((f) => ({ date: dateOf(f.approvedAt as string), agreedDue: null as IsoDate | null })),
    ...meetings
      .filter((m) => m.status === 'held' && m.kind !== 'consultation')
      .map((m) => ({ date: meetingDate(m), agreedDue: m.outcome?.nextReviewDue ?? null })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const reviews = meetings.filter((m) => m.status === 'held' && m.kind === 'review').map(meetingDate);
  let onTime = 0;
  for (const held of reviews) {
    const before = anchors.filter((a) => a.date < held).pop();
    if (!before || reviewStatus(before.date, before.agreedDue, held, cadence).state !== 'overdue') onTime += 1;
  }
  return { held: reviews.length, onTime };
}

const agreementCode = (d: AgreementDecision | 'not_yet_known') => d;

export function outcomeRow(record: CaseRecord, caseNo: number, cadence: ReviewCadence, agreementRules: readonly AgreementRule[] = []): OutcomeRow {
  const c = record.case;
  const referred = dateOf(c.referredAt);
  const state = agreementState(record.agreements);
  const agreed = agreedOn(record, agreementRules);
  const firstApproval = record.formulations
    .map((f) => f.approvedAt)
    .filter((a): a is string => a !== null)
    .sort()[0];
  const placements = inPlacementOrder(record.placements);
  const reviews = reviewPunctuality(record.formulations, record.meetings, cadence);
  return {
    case_no: caseNo,
    service: c.serviceId,
    pathway: c.pathway,
    status: c.status,
    referral_month: referred.slice(0, 7),
    young_person_agreement: agreementCode(state.young_person),
    parent_carer_agreement: agreementCode(state.parent_carer),
    days_referral_to_agreement: agreed ? Math.max(0, daysBetween(referred, agreed)) : null,
    days_referral_to_formulation: firstApproval ? daysBetween(referred, dateOf(firstApproval)) : null,
    reviews_held: reviews.held,
    reviews_held_on_time: reviews.onTime,
    trm_first_level: placements[0]?.level ?? null,
    trm_latest_level: placements.at(-1)?.level ?? null,
    trm_movement: overallMovement(placements) ?? 'none',
    closure_reason: c.closureReason,
  };
}

/** RFC 4180 CSV with CRLF line ends; a cell that a spreadsheet would run as a formula is defused. */
export function toCsv(columns: readonly string[], rows: Record<string, string | number | null>[]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = String(v);
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(','))].join('\r\n') + '\r\n';
}
