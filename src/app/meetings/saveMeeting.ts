import type { Case } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Work } from '../unitOfWork.js';
import { type CalendarSync, queueCalendarSync } from './syncCalendarJob.js';

/** Shared by the meeting verbs: every save is checked, audited, announced and, when asked, mirrored into calendars. */
export async function saveMeeting(
  w: Work,
  c: Case,
  m: Meeting,
  previousVersion: number | null,
  action: string,
  sync: CalendarSync['action'] | null,
): Promise<Meeting> {
  if (previousVersion === null) await w.tx.meetings.insert(m);
  else if (!(await w.tx.meetings.update(m, previousVersion))) throw staleVersion('The meeting', previousVersion);
  await w.audit({ action, caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId: m.id, kind: m.kind, status: m.status } });
  await w.emit({ caseId: c.id, type: previousVersion === null ? 'meeting.scheduled' : 'meeting.updated', data: m });
  if (sync) await queueCalendarSync(w, c, m, sync);
  return m;
}
