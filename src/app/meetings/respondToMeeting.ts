import { notFound, ruleViolation } from '../../domain/errors.js';
import { type Meeting, meetingResponseSchema } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

/** An attendee accepts, declines or is unsure; only their own answer, only while the meeting is to come. */
export async function respondToMeeting(deps: AppDeps, person: Principal, caseId: string, meetingId: string, input: unknown): Promise<Meeting> {
  const { response } = parseInput(meetingResponseSchema, input, 'The response');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.respond');
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    if (!meeting.attendees.some((a) => a.staffId === person.staffId)) throw ruleViolation('You are not invited to this meeting.');
    if (meeting.status !== 'scheduled') throw ruleViolation(`This meeting is ${meeting.status}; answers are closed.`);
    await w.tx.meetings.respond(meeting.id, person.staffId, response, w.now);
    const updated = (await w.tx.meetings.get(c.id, meetingId)) as Meeting;
    await w.audit({ action: 'meeting.responded', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId, response } });
    await w.emit({ caseId: c.id, type: 'meeting.updated', data: updated });
    return updated;
  });
}
