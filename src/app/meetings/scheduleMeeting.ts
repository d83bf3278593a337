import { assertOpenForWork } from '../../domain/case.js';
import { type Meeting, meetingTimeProblems, scheduleMeetingSchema } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { saveMeeting } from './saveMeeting.js';
import { teamAtMeeting } from './teamAtMeeting.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { inTransaction } from '../unitOfWork.js';

/** Schedules a formulation, review or consultation meeting with members of the case team. */
export async function scheduleMeeting(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<Meeting> {
  const now = deps.clock.now().toISOString();
  const data = parseInput(scheduleMeetingSchema, input, 'The meeting', (raw) => meetingTimeProblems(raw, now));
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.schedule');
    assertOpenForWork(c);
    const team = await teamAtMeeting(w, c, data.attendeeIds, 'Everyone invited to a meeting must first be on the case team.');

    const meeting: Meeting = {
      id: w.newId(),
      caseId: c.id,
      kind: data.kind,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      location: data.location ?? null,
      organiserId: person.staffId,
      attendees: data.attendeeIds.map((id) => ({
        staffId: id,
        name: team.get(id)?.name ?? id,
        response: id === person.staffId ? 'accepted' : 'none',
        respondedAt: id === person.staffId ? w.now : null,
      })),
      status: 'scheduled',
      joinUrl: null,
      externalId: null,
      chatId: null,
      startedAt: null,
      endedAt: null,
      outcome: null,
      version: 1,
    };
    await saveMeeting(w, c, meeting, null, 'meeting.scheduled', 'create');
    for (const a of meeting.attendees) {
      if (a.staffId === person.staffId) continue;
      await queueNotification(
        w,
        a.staffId,
        { kind: 'meeting.invitation', meetingId: meeting.id, caseId: c.id },
        `meeting-invitation:${meeting.id}`,
        c.serviceId,
      );
    }
    return meeting;
  });
}
