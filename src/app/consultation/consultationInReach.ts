import { assertNotClosed } from '../../domain/case.js';
import type { Consultation } from '../../domain/consultation.js';
import { ruleViolation } from '../../domain/errors.js';
import type { CaseAction } from '../../domain/policy.js';
import type { Principal } from '../../domain/staff.js';
import { type CaseInReach, caseFor } from '../access.js';
import type { Work } from '../unitOfWork.js';

/** A case in reach for this action that is still an open consultation, with its consultation record. */
export async function openConsultationFor(
  w: Work,
  person: Principal,
  caseId: string,
  action: CaseAction,
): Promise<CaseInReach & { consultation: Consultation }> {
  const reach = await caseFor(w.tx, person, caseId, action);
  assertNotClosed(reach.case);
  const consultation = await w.tx.consultations.get(reach.case.id);
  if (!consultation || reach.case.pathway !== 'consultation') {
    throw ruleViolation('This case is not a consultation: its meetings and agreements are recorded on the case itself.');
  }
  return { ...reach, consultation };
}
