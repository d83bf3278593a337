import type { ConsultationView } from '../../contract/views.js';
import type { Case } from '../../domain/case.js';
import { followUpOf } from '../../domain/consultation.js';
import type { StoreTx } from '../../ports/store.js';

/** The consultation record of a case, if it is or was a consultation asked for as one. */
export async function consultationView(tx: StoreTx, caseRecord: Case): Promise<ConsultationView | null> {
  const caseId = caseRecord.id;
  const c = await tx.consultations.get(caseId);
  if (!c) return null;
  const meetings = await tx.consultations.listMeetings(caseId);
  return {
    disposal: c.disposal,
    // The referrer's question is the case's referral reason, kept when it becomes a full case.
    question: caseRecord.referralReason,
    childInitials: c.childInitials,
    childAge: c.childAge,
    sharingAgreement: c.sharingAgreement,
    identifiedAt: c.identifiedAt,
    becameCaseAt: c.becameCaseAt,
    meetings: meetings.map(({ caseId: _case, ...m }) => m),
    followUpOn: followUpOf(meetings),
  };
}
