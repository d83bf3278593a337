import type { CaseView } from '../../contract/views.js';
import { consultationMeetingProblems, consultationMeetingSchema } from '../../domain/consultation.js';
import { ruleViolation } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseView } from '../case/caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { openConsultationFor } from './consultationInReach.js';

/** Who may take part for the ECM team: its practitioners and psychologists serving the service. */
const ECM_ROLES = new Set(['ecm_practitioner', 'psychologist']);

/**
 * The short consultation meeting with the ECM team, recorded once held: who took part for the
 * team, the advice given, the next steps agreed and when to follow up. It needs no agreement: a
 * consultation on de-identified details is advice about a young person nobody here can name.
 */
export async function recordConsultationMeeting(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<CaseView> {
  const today = todayIn(deps.clock);
  const m = parseInput(consultationMeetingSchema, input, 'The consultation meeting', (raw) => consultationMeetingProblems(raw, today));
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await openConsultationFor(w, person, caseId, 'consultation.advise');
    if (m.heldOn < c.referredAt.slice(0, 10)) {
      throw ruleViolation(`A consultation meeting cannot be held before the consultation was asked for on ${c.referredAt.slice(0, 10)}.`, { field: 'heldOn' });
    }
    const ecmTeam = [];
    for (const staffId of m.ecmTeamIds) {
      const s = await w.tx.staff.get(staffId);
      if (!s || !ECM_ROLES.has(s.role) || !s.serviceIds.includes(c.serviceId)) {
        throw ruleViolation('Name only ECM practitioners and psychologists who serve this service as the ECM team at the meeting.', { field: 'ecmTeamIds' });
      }
      ecmTeam.push({ staffId: s.id, name: s.name });
    }
    const id = w.newId();
    await w.tx.consultations.addMeeting({
      id,
      caseId: c.id,
      heldOn: m.heldOn,
      ecmTeam,
      advice: m.advice,
      nextSteps: m.nextSteps,
      followUpOn: m.followUpOn,
      recordedBy: person.staffId,
      recordedByName: person.name,
      recordedAt: w.now,
    });
    await w.audit({
      action: 'consultation.meetingRecorded',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, meetingId: id, heldOn: m.heldOn, ecmTeam: m.ecmTeamIds, followUpOn: m.followUpOn },
    });
    await w.emit({ caseId: c.id, type: 'case.updated', data: { status: c.status, closureReason: c.closureReason } });
    return caseView(deps, w.tx, person, c, membership);
  });
}
