import type { DeliveryOutcome } from '../../jobs/outboxWorker.js';
import type { MeetingCalendar } from '../../ports/meetingCalendar.js';
import type { OutboxJob } from '../../ports/outbox.js';
import type { Store } from '../../ports/store.js';
import type { Clock } from '../../ports/clock.js';
import type { CaseEventBus } from '../../ports/caseEventBus.js';
import { calendarSyncSchema, meetingSubject } from './saveMeeting.js';

export interface CalendarSyncDeps {
  store: Store;
  calendar: MeetingCalendar;
  clock: Clock;
  bus: CaseEventBus;
}

/**
 * Mirrors a meeting into people's calendars, outside any transaction, then records the calendar's
 * id, the join link and the Teams meeting chat on the meeting. The meeting id travels as the
 * calendar's idempotency key, so a retry after a crash finds the meeting it already made.
 */
export function calendarSyncDeliverer(deps: CalendarSyncDeps) {
  return async (job: OutboxJob): Promise<DeliveryOutcome> => {
    const parsed = calendarSyncSchema.safeParse(job.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: 'the job does not say which meeting to mirror' };
    const sync = parsed.data;
    const loaded = await deps.store.transaction(async (tx) => {
      const meeting = await tx.meetings.get(sync.caseId, sync.meetingId);
      const c = await tx.cases.get(sync.caseId);
      if (!meeting || !c) return null;
      const people = new Map((await tx.staff.list()).map((s) => [s.id, s]));
      const person = (id: string) => {
        const s = people.get(id);
        return { email: s?.email ?? `${id}@example.invalid`, name: s?.name ?? id, aadObjectId: s?.aadObjectId ?? null };
      };
      return {
        meeting,
        request: {
          meetingId: meeting.id,
          organiser: person(meeting.organiserId),
          subject: meetingSubject(meeting, c),
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          attendees: meeting.attendees.filter((a) => a.staffId !== meeting.organiserId).map((a) => person(a.staffId)),
          location: meeting.location,
        },
        caseTab: { caseId: c.id, caseReference: c.reference },
      };
    });
    if (!loaded) return { ok: false, permanent: true, error: 'the meeting no longer exists' };
    const { meeting, request } = loaded;

    if (sync.action === 'cancel') {
      if (meeting.externalId) await deps.calendar.cancel(meeting.externalId, request.organiser, null);
      return { ok: true };
    }
    const made =
      sync.action === 'create' || !meeting.externalId
        ? await deps.calendar.create(request, null)
        : await deps.calendar.update(meeting.externalId, request, null);
    const chat = made.joinUrl ? await deps.calendar.addTabToMeetingChat(made.joinUrl, request.organiser, loaded.caseTab, null) : null;

    if (made.externalId !== meeting.externalId || made.joinUrl !== meeting.joinUrl || (chat && chat.chatId !== meeting.chatId)) {
      const at = deps.clock.now().toISOString();
      const event = await deps.store.transaction(async (tx) => {
        const fresh = await tx.meetings.get(sync.caseId, sync.meetingId);
        if (!fresh) return null;
        // The chat's id is how the bot knows this meeting when Teams says it started or ended.
        const updated = {
          ...fresh,
          externalId: made.externalId,
          joinUrl: made.joinUrl ?? fresh.joinUrl,
          chatId: chat?.chatId ?? fresh.chatId,
          version: fresh.version + 1,
        };
        if (!(await tx.meetings.update(updated, fresh.version))) return null;
        await tx.audit.append(
          {
            actorId: 'system',
            action: 'meeting.calendar.linked',
            caseId: sync.caseId,
            serviceId: job.serviceId,
            detail: { meetingId: meeting.id, meetingChat: updated.chatId !== null },
          },
          at,
        );
        return tx.caseEvents.append({ caseId: sync.caseId, type: 'meeting.updated', actorId: 'system', actorName: 'ECM for Teams', data: updated }, at);
      });
      if (event) deps.bus.publish(event);
      // Someone changed the meeting meanwhile: their change queued its own sync, which will link it.
    }
    return { ok: true };
  };
}
