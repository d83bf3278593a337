import type { CaseView } from '../../contract/views.js';
import type { Case } from '../../domain/case.js';
import { CONSULTATION_AGES, identificationSchema, identityProblems } from '../../domain/consultation.js';
import { ageInYears } from '../../domain/dates.js';
import { ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseView } from '../case/caseViews.js';
import { duplicateRefused, duplicatesOf } from '../case/referCase.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { inTransaction } from '../unitOfWork.js';
import { openConsultationFor } from './consultationInReach.js';

/**
 * The family has agreed to share who the young person is: the consultation takes their name and
 * date of birth, with who agreed, when and how. From then on it is checked for duplicates like any
 * case, and agreement to take part (then a timeline and a formulation) may follow.
 */
export async function identifyConsultation(deps: AppDeps, person: Principal, caseId: string, input: unknown, expectedVersion: number): Promise<CaseView> {
  const today = todayIn(deps.clock);
  const id = parseInput(identificationSchema, input, 'The identifying details', (raw) => identityProblems(raw, today, true));
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership, consultation } = await openConsultationFor(w, person, caseId, 'consultation.record');
    if (c.childName !== null) throw ruleViolation('This consultation already has the young person’s identifying details.');
    if (c.version !== expectedVersion) throw staleVersion('The case', c.version);
    // Both are present: identityProblems refused the request otherwise.
    const childName = id.childName as string;
    const childDateOfBirth = id.childDateOfBirth as string;
    const age = ageInYears(childDateOfBirth, today);
    if (age < CONSULTATION_AGES.min || age > CONSULTATION_AGES.max) {
      throw ruleViolation(`ECM works with young people aged ${CONSULTATION_AGES.min} to ${CONSULTATION_AGES.max}; this date of birth gives ${age}.`, {
        field: 'childDateOfBirth',
      });
    }
    const duplicates = await duplicatesOf(w.tx, person, { serviceId: c.serviceId, childName, childDateOfBirth });
    if (duplicates.length > 0 && id.duplicateReason === undefined) throw duplicateRefused(duplicates);

    const updated: Case = { ...c, childName, childDateOfBirth, version: c.version + 1 };
    if (!(await w.tx.cases.update(updated, c.version))) throw staleVersion('The case', c.version);
    await w.tx.consultations.update({ ...consultation, sharingAgreement: id.sharingAgreement ?? null, identifiedAt: w.now });
    await w.audit({
      action: 'consultation.identified',
      caseId: c.id,
      serviceId: c.serviceId,
      // Who agreed is in the record, not here: it may name a parent.
      detail: {
        reference: c.reference,
        sharingAgreedOn: id.sharingAgreement?.date ?? null,
        method: id.sharingAgreement?.method ?? null,
        ...(duplicates.length > 0 ? { possibleDuplicateOf: duplicates.map((d) => d.reference), duplicateReason: id.duplicateReason ?? null } : {}),
      },
    });
    await queueNotification(w, person.staffId, { kind: 'agreement.prompt', caseId: c.id }, `agreement-prompt:${c.id}`, c.serviceId);
    await w.emit({ caseId: c.id, type: 'case.updated', data: { status: updated.status, closureReason: updated.closureReason } });
    return caseView(deps, w.tx, person, updated, membership);
  });
}
