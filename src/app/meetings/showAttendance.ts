import type { AttendanceRegister } from '../../contract/views.js';
import { notFound } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { attendanceRegister } from './attendanceRegister.js';

/** A meeting's attendance register: who was present, sent apologies or did not come. */
export async function showAttendance(deps: AppDeps, person: Principal, caseId: string, meetingId: string): Promise<AttendanceRegister> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.read');
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    await w.audit({ action: 'meeting.attendance.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId } });
    return attendanceRegister(w.tx, meeting);
  });
}
