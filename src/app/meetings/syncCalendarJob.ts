import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import type { Meeting } from '../../domain/meeting.js';
import { MEETING_KIND_LABELS } from '../../contract/words.js';
import type { JobKind } from '../../ports/outbox.js';
import type { AppDeps } from '../deps.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';

/** calendar.sync: mirrors a meeting into people's calendars (Teams meetings, or .ics files locally). */
export const CALENDAR_SYNC_KIND = 'calendar.sync';

/** A calendar.sync job's payload, checked again when the job runs: the outbox is storage, not a promise of its shape. */
export const calendarSyncSchema = z.object({ meetingId: z.uuid(), caseId: z.uuid(), action: z.enum(['create', 'update', 'cancel']) });
export type CalendarSync = z.infer<typeof calendarSyncSchema>;

/** A meeting's subject wherever it leaves the system: the kind and the case reference, nothing more. */
export const meetingSubject = (meeting: Pick<Meeting, 'kind'>, caseRecord: Pick<Case, 'reference'>) =>
  `ECM ${MEETING_KIND_LABELS[meeting.kind].toLowerCase()} – ${caseRecord.reference}`;

/** Queues the mirroring of a meeting's change in the caller's transaction; once per version and action. */
export async function queueCalendarSync(work: Pick<Work, 'enqueue'>, caseRecord: Case, meeting: Meeting, action: CalendarSync['action']): Promise<void> {
  const payload: CalendarSync = { meetingId: meeting.id, caseId: caseRecord.id, action };
  await work.enqueue({
    kind: CALENDAR_SYNC_KIND,
    payload,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    dedupeKey: `${CALENDAR_SYNC_KIND}:${meeting.id}:${action}:${meeting.version}`,
  });
}

/**
 * Mirrors a meeting into people's calendars, outside any transaction, then records the calendar's
 * id, the join link and the Teams meeting chat on the meeting. The meeting id travels as the
 * calendar's idempotency key, so a retry after a crash finds the meeting it already made.
 */
export const syncCalendarJob: JobKind<CalendarSync, AppDeps> = {
  kind: CALENDAR_SYNC_KIND,
  payload: calendarSyncSchema,
  malformed: 'the job does not say which meeting to mirror',
  async deliver(deps, sync, job) {
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
      await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
        const fresh = await w.tx.meetings.get(sync.caseId, sync.meetingId);
        if (!fresh) return;
        // The chat's id is how the bot knows this meeting when Teams says it started or ended.
        const updated = {
          ...fresh,
          externalId: made.externalId,
          joinUrl: made.joinUrl ?? fresh.joinUrl,
          chatId: chat?.chatId ?? fresh.chatId,
          version: fresh.version + 1,
        };
        if (!(await w.tx.meetings.update(updated, fresh.version))) return;
        await w.audit({
          action: 'meeting.calendar.linked',
          caseId: sync.caseId,
          serviceId: job.serviceId,
          detail: { meetingId: meeting.id, meetingChat: updated.chatId !== null },
        });
        await w.emit({ caseId: sync.caseId, type: 'meeting.updated', data: updated });
      });
      // Someone changed the meeting meanwhile: their change queued its own sync, which will link it.
    }
    return { ok: true };
  },
};
