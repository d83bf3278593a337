import type { Case } from '../domain/case.js';
import type { CaseEventType, TeamPlace } from '../domain/caseEvents.js';
import { DomainError } from '../domain/errors.js';
import {
  type CaseAccessContext,
  type CaseAction,
  type Decision,
  decideOnCase,
  decideOnCaseEvent,
  decideOnRole,
  decideOnService,
  type ServiceAction,
} from '../domain/policy.js';
import type { Service } from '../domain/service.js';
import type { Agency, Principal } from '../domain/staff.js';
import { hasAcceptedCurrentTerms, needsToAcceptTerms, type TeamMember } from '../domain/team.js';
import type { StoreTx } from '../ports/store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AccessRefused extends DomainError {
  constructor(
    decision: Exclude<Decision, { allowed: true }>,
    readonly attempt: { action: string; caseId: string | null; serviceId: string | null },
  ) {
    super(
      decision.reason,
      decision.reason === 'not_found'
        ? 'That case was not found.'
        : decision.reason === 'terms_required'
          ? 'Accept the information-sharing terms for this case first.'
          : 'Your role does not allow this.',
    );
  }
}

export interface CaseInReach {
  case: Case;
  membership: TeamMember | null;
  /** The case's service, read with it: its settings are the rules of most changes. */
  service: Service;
  /** Whether a question stands open on the case's jigsaw (an entry added may answer it). */
  openQuestions: boolean;
}

/**
 * Loads a case for an action, or refuses as the policy says. A case that does not exist and a case
 * the person may not know of look the same: 404.
 */
export async function caseFor(tx: StoreTx, person: Principal, caseId: string, action: CaseAction, entryContributorId?: string): Promise<CaseInReach> {
  // One read: the case, the person's place on its team and its service.
  const found = UUID.test(caseId) ? await tx.cases.getInReach(caseId, person.staffId) : null;
  if (!found) throw new AccessRefused({ allowed: false, reason: 'not_found' }, { action, caseId: null, serviceId: null });
  assertAllowed(person, action, found.case, found.membership, entryContributorId);
  return found;
}

/** What the policy is told about a case and the person's place on it (and, for an entry, whose it is). */
function contextOf(c: Pick<Case, 'serviceId'>, place: TeamPlace | null, ownsEntry?: boolean): CaseAccessContext {
  return {
    serviceId: c.serviceId,
    membership: place ? { termsAccepted: hasAcceptedCurrentTerms(place), needsTerms: needsToAcceptTerms(place.caseRole) } : null,
    ...(ownsEntry !== undefined ? { ownsEntry } : {}),
  };
}

/** Whether the person, in this place on the case team, may be told of an event of this type on the case. */
export function mayBeToldOf(person: Principal, caseRecord: Pick<Case, 'serviceId'>, place: TeamPlace | null, type: CaseEventType): boolean {
  return decideOnCaseEvent(person, type, contextOf(caseRecord, place)).allowed;
}

export function assertAllowed(person: Principal, action: CaseAction, caseRecord: Case, membership: TeamMember | null, entryContributorId?: string): void {
  const decision = decideOnCase(
    person,
    action,
    contextOf(caseRecord, membership, entryContributorId === undefined ? undefined : entryContributorId === person.staffId),
  );
  if (!decision.allowed) throw new AccessRefused(decision, { action, caseId: caseRecord.id, serviceId: caseRecord.serviceId });
}

/** The agency a person speaks for on a case: the one they were invited for, else their staff record's. */
export const agencyOnCase = (person: Principal, membership: TeamMember | null): Agency => membership?.agency ?? person.agency;

/** Whether the person may answer a question put to `agency` on this case (the policy's `timeline.answer`). */
function answerDecision(person: Principal, caseRecord: Case, membership: TeamMember | null, agency: Agency): Decision {
  return decideOnCase(person, 'timeline.answer', { ...contextOf(caseRecord, membership), forOwnAgency: agencyOnCase(person, membership) === agency });
}

export const mayAnswer = (person: Principal, caseRecord: Case, membership: TeamMember | null, agency: Agency): boolean =>
  answerDecision(person, caseRecord, membership, agency).allowed;

export function assertMayAnswer(person: Principal, caseRecord: Case, membership: TeamMember | null, agency: Agency): void {
  const decision = answerDecision(person, caseRecord, membership, agency);
  if (!decision.allowed) throw new AccessRefused(decision, { action: 'timeline.answer', caseId: caseRecord.id, serviceId: caseRecord.serviceId });
}

/** Whether the policy allows an action on an entry of the person's own, or on someone else's. */
export const canOnEntry = (person: Principal, action: CaseAction, caseRecord: Case, membership: TeamMember | null, ownsEntry: boolean): boolean =>
  decideOnCase(person, action, contextOf(caseRecord, membership, ownsEntry)).allowed;

export function assertServiceAllowed(person: Principal, action: ServiceAction, serviceId: string): void {
  const decision = decideOnService(person, action, serviceId);
  if (!decision.allowed) throw new AccessRefused(decision, { action, caseId: null, serviceId });
}

/** Refuses, before anything is looked up, a person whose role may not do this in any service. */
export function assertRoleAllowed(person: Principal, action: ServiceAction): void {
  const decision = decideOnRole(person, action);
  if (!decision.allowed) throw new AccessRefused(decision, { action, caseId: null, serviceId: null });
}

/** Whether the policy allows an action, for views that show or hide what a person can do. */
export function can(person: Principal, action: CaseAction, caseRecord: Case, membership: TeamMember | null): boolean {
  try {
    assertAllowed(person, action, caseRecord, membership);
    return true;
  } catch {
    return false;
  }
}
