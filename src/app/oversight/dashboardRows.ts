import type { Decision, Party } from '../../domain/agreement.js';
import { ageBandOn, agreementRuleFor, type AgreementRule } from '../../domain/agreementRules.js';
import type { CaseStatus, Pathway } from '../../domain/case.js';
import type { ActiveCaseRow, MovementRow, OutstandingAgreementRow, ReviewRow } from '../../domain/caseloadOverview.js';
import { daysBetween, type IsoDate } from '../../domain/dates.js';
import type { LegalStatus } from '../../domain/legalStatus.js';
import { turnsEighteenSoon } from '../../domain/turningEighteen.js';
import type { CaseFacts } from '../../ports/dashboard.js';

/**
 * One page of the dashboard's cases, from the facts the database derived, into the rows a manager
 * reads (the same shapes as src/domain/caseloadOverview.ts). Only the rows of the page are touched.
 */
export function activeCaseRow(f: CaseFacts, today: IsoDate): ActiveCaseRow {
  return {
    caseId: f.caseId,
    reference: f.reference,
    pathway: f.pathway as Pathway,
    referredOn: f.referredOn,
    formulationApproved: f.formulationApproved,
    trmLevel: f.latestLevel,
    review: f.review ? { state: f.review.state, nextReviewDue: f.review.nextReviewDue } : null,
    turnsEighteenOn: f.dateOfBirth === null ? null : turnsEighteenSoon(f.dateOfBirth, today),
  };
}

const decision = (d: string | null): Decision | 'not_yet_known' => (d === null ? 'not_yet_known' : (d as Decision));

export function agreementRow(f: CaseFacts, today: IsoDate, rules: readonly AgreementRule[]): OutstandingAgreementRow {
  // The order of the service's own table, as agreementNeeds gives it.
  const needs = f.dateOfBirth === null ? [] : agreementRuleFor(ageBandOn(f.dateOfBirth, today), f.legalStatus as LegalStatus, rules).needs;
  const missing: Party[] = needs.filter((p) => f.missing[p]);
  return {
    caseId: f.caseId,
    reference: f.reference,
    status: f.status as CaseStatus,
    agreement: { young_person: decision(f.youngPerson), parent_carer: decision(f.parentCarer), local_authority: decision(f.localAuthority) },
    waitingOn: f.askAgain && !missing.includes('young_person') ? ['young_person', ...missing] : missing,
    askAgain: f.askAgain,
    referredOn: f.referredOn,
    daysWaiting: daysBetween(f.referredOn, today),
  };
}

export function reviewRow(f: CaseFacts, today: IsoDate): ReviewRow {
  const r = f.review!;
  return {
    caseId: f.caseId,
    reference: f.reference,
    state: r.state as ReviewRow['state'],
    nextReviewDue: r.nextReviewDue,
    overdueFrom: r.overdueFrom,
    daysUntilDue: daysBetween(today, r.nextReviewDue),
  };
}

export function movementRow(f: CaseFacts): MovementRow {
  return { caseId: f.caseId, reference: f.reference, firstLevel: f.firstLevel, latestLevel: f.latestLevel, placements: f.placements, movement: f.movement };
}
