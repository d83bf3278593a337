import type { AttendanceRegister } from '../../contract/views.js';
import { agenciesRepresented } from '../../domain/attendance.js';
import type { Meeting } from '../../domain/meeting.js';
import type { StoreTx } from '../../ports/store.js';

/** The register as the side panel shows it: the marks, the agencies there, and who may be marked. */
export async function attendanceRegister(tx: StoreTx, meeting: Meeting): Promise<AttendanceRegister> {
  const marks = await tx.meetings.attendance(meeting.id);
  const team = await tx.team.list(meeting.caseId);
  const invited = new Set(meeting.attendees.map((a) => a.staffId));
  const agencyOf = new Map(team.map((m) => [m.staffId, m.agency]));
  const people = [
    ...meeting.attendees.map((a) => ({ staffId: a.staffId, name: a.name, agency: agencyOf.get(a.staffId) ?? 'other', invited: true })),
    ...team.filter((m) => !invited.has(m.staffId)).map((m) => ({ staffId: m.staffId, name: m.name, agency: m.agency, invited: false })),
  ];
  return { meetingId: meeting.id, marks, agencies: agenciesRepresented(marks), people };
}
