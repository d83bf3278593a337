import type { Case } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Work } from '../unitOfWork.js';
import { type CalendarSync, queueCalendarSync } from './syncCalendarJob.js';

/** Shared by the meeting verbs: every save is checked, audited, announced and, when asked, mirrored into calendars. */
export async function saveMeeting(
  work: Work,
  caseRecord: Case,
  meeting: Meeting,
  previousVersion: number | null,
  action: string,
  sync: CalendarSync['action'] | null,
): Promise<Meeting> {
  if (previousVersion === null) await work.tx.meetings.insert(meeting);
  else if (!(await work.tx.meetings.update(meeting, previousVersion))) throw staleVersion('The meeting', previousVersion);
  await work.audit({
    action,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    detail: { reference: caseRecord.reference, meetingId: meeting.id, kind: meeting.kind, status: meeting.status },
  });
  await work.emit({ caseId: caseRecord.id, type: previousVersion === null ? 'meeting.scheduled' : 'meeting.updated', data: meeting });
  if (sync) await queueCalendarSync(work, caseRecord, meeting, sync);
  return meeting;
}
