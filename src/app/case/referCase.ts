import { ageInYears } from '../../domain/dates.js';
import { decidePathway, formatCaseReference, type Case, type Referral, referralDateProblems, referralSchema } from '../../domain/case.js';
import { DomainError, ruleViolation } from '../../domain/errors.js';
import { possibleDuplicates } from '../../domain/duplicateReferral.js';
import type { Principal, Staff } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { assertServiceAllowed, can } from '../access.js';
import type { StoreTx } from '../../ports/store.js';
import type { CaseView } from '../../contract/views.js';
import { caseView } from './caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { newMember, serviceOf, staffMember } from '../team/staffing.js';
import { assertMayHoldCase, caseRoleFor, type TeamMember } from '../../domain/team.js';
import { inTransaction, type Work } from '../unitOfWork.js';

/** Children enter youth justice from 10; a referral at 18 is possible when the order began at 17. */
const MIN_AGE = 10;
const MAX_AGE = 18;

export async function referCase(deps: AppDeps, person: Principal, input: unknown): Promise<CaseView> {
  const today = todayIn(deps.clock);
  const r = parseInput(referralSchema, input, 'The referral', (raw) => referralDateProblems(raw, today));
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'case.refer', r.serviceId);
    const service = await serviceOf(w.tx, r.serviceId);
    const age = ageInYears(r.childDateOfBirth, today);
    if (age < MIN_AGE || age > MAX_AGE) throw ruleViolation(`ECM works with young people aged ${MIN_AGE} to ${MAX_AGE}; this date of birth gives ${age}.`);
    const eligibility = decidePathway(r, today);

    const duplicates = await duplicatesOf(w.tx, person, r);
    if (duplicates.length > 0 && r.duplicateReason === undefined) throw duplicateRefused(duplicates);

    const { holder, reference } = await holderAndReference(w, person, r.serviceId, r.caseHolderId, today);
    const c: Case = {
      id: w.newId(),
      reference,
      serviceId: r.serviceId,
      childName: r.childName,
      childDateOfBirth: r.childDateOfBirth,
      pathway: eligibility.pathway,
      orderStart: r.orderStart,
      orderEnd: r.orderEnd,
      status: 'referred',
      referralReason: r.referralReason,
      lawfulBasis: r.lawfulBasis,
      legalStatus: r.legalStatus,
      parentalResponsibility: r.parentalResponsibility ?? null,
      referredBy: person.staffId,
      referredAt: w.now,
      caseHolderId: holder.id,
      closureReason: null,
      closureNote: null,
      closedAt: null,
      version: 1,
    };
    await w.tx.cases.insert(c);

    const holderMember = await formFirstTeam(w, person, holder, c.id);

    await w.audit({
      action: 'case.referred',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: {
        reference,
        pathway: c.pathway,
        eligibility: eligibility.reason,
        legalStatus: c.legalStatus,
        // Going ahead although the child may already have an open case here: which, and why.
        ...(duplicates.length > 0 ? { possibleDuplicateOf: duplicates.map((d) => d.reference), duplicateReason: r.duplicateReason } : {}),
      },
    });
    await queueNotification(w, person.staffId, { kind: 'agreement.prompt', caseId: c.id }, `agreement-prompt:${c.id}`, c.serviceId);
    return caseView(deps, w.tx, person, c, holder.id === person.staffId ? holderMember : await w.tx.team.get(c.id, person.staffId), service);
  });
}

/**
 * Who will hold a new case (the referrer unless another is named; they must work in its service) and
 * its reference, the next in the service's sequence for the year: the same for a referral and a
 * consultation.
 */
export async function holderAndReference(
  w: Work,
  person: Principal,
  serviceId: string,
  caseHolderId: string | undefined,
  today: string,
): Promise<{ holder: Staff; reference: string }> {
  const holder = await staffMember(w.tx, caseHolderId ?? person.staffId);
  assertMayHoldCase(holder, serviceId);
  const year = Number(today.slice(0, 4));
  return { holder, reference: formatCaseReference(serviceId, year, await w.tx.cases.nextReferenceNumber(serviceId, year)) };
}

/** The case holder, and the referrer when someone else, form the first team. Returns the holder's place. */
export async function formFirstTeam(w: Work, person: Principal, holder: Staff, caseId: string): Promise<TeamMember> {
  const holderMember = newMember(holder, caseId, 'case_holder', person.staffId, w.now);
  await w.tx.team.upsert(holderMember);
  if (holder.id !== person.staffId) {
    const referrer = await staffMember(w.tx, person.staffId);
    await w.tx.team.upsert(newMember(referrer, caseId, caseRoleFor(referrer), person.staffId, w.now));
  }
  return holderMember;
}

interface PossibleDuplicate {
  reference: string;
  /** The referrer may read that case, so may be told its reference. */
  readable: boolean;
}

export async function duplicatesOf(
  tx: StoreTx,
  person: Principal,
  r: Pick<Referral, 'serviceId' | 'childName' | 'childDateOfBirth'>,
): Promise<PossibleDuplicate[]> {
  const found = possibleDuplicates(await tx.cases.listOpenByDateOfBirth(r.serviceId, r.childDateOfBirth), r);
  return Promise.all(found.map(async (d) => ({ reference: d.reference, readable: can(person, 'case.read', d, await tx.team.get(d.id, person.staffId)) })));
}

/** 409: the references of the cases the referrer may read; for any other, only to ask the ECM team. */
export function duplicateRefused(duplicates: PossibleDuplicate[]): DomainError {
  const readable = duplicates.filter((d) => d.readable).map((d) => d.reference);
  const goAhead = 'If you know this is a different young person, or a second case is needed, refer again giving your reason.';
  const message = readable.length
    ? `This young person may already have an open case in this service: ${readable.join(', ')}. Open it instead. ${goAhead}`
    : `This young person may already have an open case in this service. Contact the ECM team before referring. ${goAhead}`;
  return new DomainError('possible_duplicate', message, { references: readable });
}
