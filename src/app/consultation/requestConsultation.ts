import type { CaseView } from '../../contract/views.js';
import type { Case } from '../../domain/case.js';
import { consultationRequestSchema, identityProblems } from '../../domain/consultation.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { assertServiceAllowed } from '../access.js';
import { caseView } from '../case/caseViews.js';
import { duplicateRefused, duplicatesOf, formFirstTeam, holderAndReference } from '../case/referCase.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * A case consultation asked for by a practitioner: a case of the consultation pathway, numbered and
 * audited like any case, held on initials and age unless the family has agreed to share who the
 * young person is. With identifying details it is checked for a possible duplicate like a referral.
 */
export async function requestConsultation(deps: AppDeps, person: Principal, input: unknown): Promise<CaseView> {
  const today = todayIn(deps.clock);
  const r = parseInput(consultationRequestSchema, input, 'The consultation', (raw) => identityProblems(raw, today));
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'case.refer', r.serviceId);
    const service = await serviceOf(w.tx, r.serviceId);
    const identity = r.childName !== undefined && r.childDateOfBirth !== undefined ? { childName: r.childName, childDateOfBirth: r.childDateOfBirth } : null;
    const duplicates = identity ? await duplicatesOf(w.tx, person, { serviceId: r.serviceId, ...identity }) : [];
    if (duplicates.length > 0 && r.duplicateReason === undefined) throw duplicateRefused(duplicates);

    const { holder, reference } = await holderAndReference(w, person, r.serviceId, r.caseHolderId, today);
    const c: Case = {
      id: w.newId(),
      reference,
      serviceId: r.serviceId,
      childName: identity?.childName ?? null,
      childDateOfBirth: identity?.childDateOfBirth ?? null,
      pathway: 'consultation',
      orderStart: null,
      orderEnd: null,
      status: 'referred',
      referralReason: r.question,
      lawfulBasis: 'public_task',
      legalStatus: r.legalStatus,
      parentalResponsibility: null,
      referredBy: person.staffId,
      referredAt: w.now,
      caseHolderId: holder.id,
      closureReason: null,
      closureNote: null,
      closedAt: null,
      version: 1,
    };
    await w.tx.cases.insert(c);
    await w.tx.consultations.insert({
      caseId: c.id,
      disposal: r.disposal,
      childInitials: r.childInitials,
      childAge: r.childAge,
      sharingAgreement: identity && r.sharingAgreement ? r.sharingAgreement : null,
      identifiedAt: identity ? w.now : null,
      becameCaseAt: null,
    });
    const holderMember = await formFirstTeam(w, person, holder, c.id);
    await w.audit({
      action: 'consultation.requested',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: {
        reference,
        disposal: r.disposal,
        identified: identity !== null,
        ...(duplicates.length > 0 ? { possibleDuplicateOf: duplicates.map((d) => d.reference), duplicateReason: r.duplicateReason ?? null } : {}),
      },
    });
    // Agreement to take part is asked for only of a young person the team may know by name.
    if (identity) await queueNotification(w, person.staffId, { kind: 'agreement.prompt', caseId: c.id }, `agreement-prompt:${c.id}`, c.serviceId);
    return caseView(deps, w.tx, person, c, holder.id === person.staffId ? holderMember : await w.tx.team.get(c.id, person.staffId), service);
  });
}
