import type { AttendanceRegister } from '../../contract/views.js';
import { assertOpenForWork } from '../../domain/case.js';
import { assertMarkable, attendanceInputSchema } from '../../domain/attendance.js';
import { notFound, ruleViolation } from '../../domain/errors.js';
import { hasStarted } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { attendanceRegister } from './attendanceRegister.js';

/**
 * Takes the register during the meeting (or after it): each person present, with apologies, or
 * absent. Marks may be changed; the invitation replies are left as they were.
 */
export async function recordAttendance(deps: AppDeps, person: Principal, caseId: string, meetingId: string, input: unknown): Promise<AttendanceRegister> {
  const { marks } = parseInput(attendanceInputSchema, input, 'The attendance register');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.recordOutcome');
    assertOpenForWork(c);
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    if (meeting.status === 'cancelled') throw ruleViolation('This meeting was cancelled.');
    if (meeting.status !== 'held' && !hasStarted(meeting, w.now)) throw ruleViolation('The register is taken once the meeting has started.');
    const team = new Map((await w.tx.team.list(c.id)).map((m) => [m.staffId, m]));
    const invited = new Map(meeting.attendees.map((a) => [a.staffId, a]));
    assertMarkable(
      marks.map((m) => m.staffId),
      new Set(invited.keys()),
      new Set(team.keys()),
    );
    for (const m of marks) {
      const member = team.get(m.staffId);
      await w.tx.meetings.markAttendance(c.id, {
        meetingId: meeting.id,
        staffId: m.staffId,
        name: member?.name ?? invited.get(m.staffId)?.name ?? m.staffId,
        agency: member?.agency ?? 'other',
        mark: m.mark,
        markedBy: person.staffId,
        markedAt: w.now,
      });
    }
    await w.audit({
      action: 'meeting.attendance.recorded',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, meetingId: meeting.id, marks: marks.map((m) => `${m.staffId}:${m.mark}`).join(',') },
    });
    // Watchers (the side panel, the meetings page) load the register again when the meeting changes.
    await w.emit({ caseId: c.id, type: 'meeting.updated', data: meeting });
    return attendanceRegister(w.tx, meeting);
  });
}
