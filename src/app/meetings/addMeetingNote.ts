import { assertOpenForWork } from '../../domain/case.js';
import { notFound, ruleViolation } from '../../domain/errors.js';
import { hasStarted } from '../../domain/meeting.js';
import { type MeetingNote, meetingNoteInputSchema } from '../../domain/meetingNote.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * A short factual note of a meeting (a decision, an agreed action), by whoever may record its
 * outcome, from the moment it starts. Notes are added, never rewritten.
 */
export async function addMeetingNote(deps: AppDeps, person: Principal, caseId: string, meetingId: string, input: unknown): Promise<MeetingNote> {
  const data = parseInput(meetingNoteInputSchema, input, 'The meeting note');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.recordOutcome');
    assertOpenForWork(c);
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    if (meeting.status === 'cancelled') throw ruleViolation('This meeting was cancelled.');
    if (meeting.status !== 'held' && !hasStarted(meeting, w.now)) throw ruleViolation('Notes are written once the meeting has started.');
    const note: MeetingNote = {
      id: w.newId(),
      meetingId: meeting.id,
      caseId: c.id,
      kind: data.kind,
      text: data.text,
      writtenBy: person.staffId,
      writtenByName: person.name,
      writtenAt: w.now,
    };
    await w.tx.meetings.addNote(note);
    await w.audit({
      action: 'meeting.note.added',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, meetingId: meeting.id, noteId: note.id, kind: note.kind },
    });
    // Watchers (the side panel, the meetings page) load the notes again when the meeting changes.
    await w.emit({ caseId: c.id, type: 'meeting.updated', data: meeting });
    return note;
  });
}
