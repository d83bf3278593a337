import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { saveMeeting } from './saveMeeting.js';
import { inTransaction } from '../unitOfWork.js';

export async function cancelMeeting(deps: AppDeps, person: Principal, caseId: string, meetingId: string, expectedVersion: number): Promise<Meeting> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.schedule');
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    if (meeting.version !== expectedVersion) throw staleVersion('The meeting', meeting.version);
    if (meeting.status !== 'scheduled') throw ruleViolation(`This meeting is already ${meeting.status}.`);
    return saveMeeting(w, c, { ...meeting, status: 'cancelled', version: meeting.version + 1 }, meeting.version, 'meeting.cancelled', 'cancel');
  });
}
