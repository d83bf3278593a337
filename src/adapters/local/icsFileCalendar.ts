import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toIcs } from '../../lib/ics.js';
import type { CalendarMeeting, CalendarMeetingRequest, MeetingCalendar } from '../../ports/meetingCalendar.js';

/**
 * Local mode's calendar: each meeting becomes an .ics file in the data directory, which any
 * calendar program can open. There is no online meeting, so no join link and no chat.
 */
export function icsFileCalendar(dir: string, clock: { now(): Date }): MeetingCalendar {
  const fileOf = (externalId: string) => join(dir, `${externalId.replace(/[^A-Za-z0-9-]/g, '')}.ics`);
  const sequences = new Map<string, number>();

  async function write(request: CalendarMeetingRequest, cancelled: boolean): Promise<CalendarMeeting> {
    await mkdir(dir, { recursive: true });
    const sequence = (sequences.get(request.meetingId) ?? -1) + 1;
    sequences.set(request.meetingId, sequence);
    const ics = toIcs({
      uid: `${request.meetingId}@ecm-for-teams`,
      summary: request.subject,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      stampedAt: clock.now().toISOString(),
      organiser: request.organiser,
      attendees: request.attendees.map((a) => ({ ...a, response: 'none' as const })),
      location: request.location ?? null,
      url: null,
      cancelled,
      sequence,
    });
    await writeFile(fileOf(request.meetingId), ics, 'utf8');
    return { externalId: request.meetingId, joinUrl: null, responses: [] };
  }

  return {
    create: (request) => write(request, false),
    update: (_externalId, request) => write(request, false),
    async cancel(externalId) {
      await rm(fileOf(externalId), { force: true });
    },
    async get(externalId) {
      return { externalId, joinUrl: null, responses: [] };
    },
    async suggestTimes(_people, from, to, durationMinutes) {
      // No free/busy information locally: offer the next three weekday mornings at 10:00.
      const out: { start: string; end: string }[] = [];
      for (let d = new Date(from); d < new Date(to) && out.length < 3; d = new Date(d.getTime() + 86_400_000)) {
        const day = d.getUTCDay();
        if (day === 0 || day === 6) continue;
        const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 10));
        if (start < new Date(from)) continue;
        out.push({ start: start.toISOString(), end: new Date(start.getTime() + durationMinutes * 60_000).toISOString() });
      }
      return out;
    },
    async addTabToMeetingChat() {
      return null;
    },
  };
}
