import { notFound } from '../../domain/errors.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import { toIcs } from '../../lib/ics.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { meetingSubject } from './syncCalendarJob.js';
import { inTransaction } from '../unitOfWork.js';

export async function listMeetings(deps: AppDeps, person: Principal, caseId: string): Promise<Meeting[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.read');
    await w.audit({ action: 'meeting.list.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return w.tx.meetings.list(c.id);
  });
}

export async function showMeeting(deps: AppDeps, person: Principal, caseId: string, meetingId: string): Promise<Meeting> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.read');
    const m = await w.tx.meetings.get(c.id, meetingId);
    if (!m) throw notFound('That meeting');
    await w.audit({ action: 'meeting.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId } });
    return m;
  });
}

/** The meeting as an .ics invitation: what local mode offers instead of a Teams calendar. */
export async function meetingInvitationFile(deps: AppDeps, person: Principal, caseId: string, meetingId: string): Promise<{ fileName: string; ics: string }> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.read');
    const m = await w.tx.meetings.get(c.id, meetingId);
    if (!m) throw notFound('That meeting');
    const people = new Map((await w.tx.staff.list()).map((s) => [s.id, s]));
    const organiser = people.get(m.organiserId);
    await w.audit({ action: 'meeting.ics.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, meetingId } });
    return {
      fileName: `${c.reference}-${m.kind}-${m.startsAt.slice(0, 10)}.ics`,
      ics: toIcs({
        uid: `${m.id}@ecm-for-teams`,
        summary: meetingSubject(m, c),
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        stampedAt: w.now,
        organiser: { name: organiser?.name ?? m.organiserId, email: organiser?.email ?? 'ecm@example.invalid' },
        attendees: m.attendees.map((a) => ({ name: a.name, email: people.get(a.staffId)?.email ?? `${a.staffId}@example.invalid`, response: a.response })),
        location: m.location,
        url: m.joinUrl,
        cancelled: m.status === 'cancelled',
        sequence: m.version - 1,
      }),
    };
  });
}
