import { ageInYears } from '../../domain/dates.js';
import { decidePathway, formatCaseReference, type Case, referralDateProblems, referralSchema } from '../../domain/case.js';
import { ruleViolation } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { assertServiceAllowed } from '../access.js';
import type { CaseView } from '../../contract/views.js';
import { caseView } from './caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { newMember, serviceOf, staffMember } from '../team/staffing.js';
import { assertMayHoldCase, caseRoleFor } from '../../domain/team.js';
import { inTransaction } from '../unitOfWork.js';

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

    const holder = await staffMember(w.tx, r.caseHolderId ?? person.staffId);
    assertMayHoldCase(holder, r.serviceId);

    const year = Number(today.slice(0, 4));
    const reference = formatCaseReference(r.serviceId, year, await w.tx.cases.nextReferenceNumber(r.serviceId, year));
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
      referredBy: person.staffId,
      referredAt: w.now,
      caseHolderId: holder.id,
      closureReason: null,
      closureNote: null,
      closedAt: null,
      version: 1,
    };
    await w.tx.cases.insert(c);

    // The case holder, and the referrer when someone else, form the first team.
    const holderMember = { ...newMember(holder, c.id, 'case_holder', person.staffId, w.now) };
    await w.tx.team.upsert(holderMember);
    if (holder.id !== person.staffId) {
      const referrer = await staffMember(w.tx, person.staffId);
      await w.tx.team.upsert(newMember(referrer, c.id, caseRoleFor(referrer), person.staffId, w.now));
    }

    await w.audit({
      action: 'case.referred',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference, pathway: c.pathway, eligibility: eligibility.reason },
    });
    await queueNotification(w, person.staffId, { kind: 'agreement.prompt', caseId: c.id }, `agreement-prompt:${c.id}`, c.serviceId);
    return caseView(deps, w.tx, person, c, holder.id === person.staffId ? holderMember : await w.tx.team.get(c.id, person.staffId), service);
  });
}
