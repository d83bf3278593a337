import { notFound } from '../../domain/errors.js';
import type { MeetingNote } from '../../domain/meetingNote.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** A meeting's notes, in the order they were written: for everyone who may read the meeting. */
export async function listMeetingNotes(deps: AppDeps, person: Principal, caseId: string, meetingId: string): Promise<MeetingNote[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.read');
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    const notes = await w.tx.meetings.notes(meeting.id);
    await w.audit({ action: 'meeting.notes.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId, count: notes.length } });
    return notes;
  });
}
