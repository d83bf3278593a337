import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import { MEETING_KIND_LABELS } from '../../contract/words.js';
import type { Work } from '../unitOfWork.js';

/** The outbox kind that mirrors a meeting into people's calendars. */
export const CALENDAR_SYNC_KIND = 'calendar.sync';

/** A calendar.sync job's payload, checked again when the job runs: the outbox is storage, not a promise of its shape. */
export const calendarSyncSchema = z.object({ meetingId: z.uuid(), caseId: z.uuid(), action: z.enum(['create', 'update', 'cancel']) });
export type CalendarSync = z.infer<typeof calendarSyncSchema>;

/** A meeting's subject wherever it leaves the system: the kind and the case reference, nothing more. */
export const meetingSubject = (m: Pick<Meeting, 'kind'>, c: Pick<Case, 'reference'>) => `ECM ${MEETING_KIND_LABELS[m.kind].toLowerCase()} – ${c.reference}`;

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
  if (sync) {
    const payload: CalendarSync = { meetingId: m.id, caseId: c.id, action: sync };
    await w.enqueue({
      kind: CALENDAR_SYNC_KIND,
      payload,
      caseId: c.id,
      serviceId: c.serviceId,
      dedupeKey: `${CALENDAR_SYNC_KIND}:${m.id}:${sync}:${m.version}`,
    });
  }
  return m;
}
