import type { Kysely } from 'kysely';
import type { AttendeeResponse, Meeting, MeetingKind, MeetingStatus } from '../../../domain/meeting.js';
import type { AttendanceMarkValue } from '../../../domain/attendance.js';
import type { MeetingNoteKind } from '../../../domain/meetingNote.js';
import type { Agency } from '../../../domain/staff.js';
import type { MeetingRepository } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { refreshDashboardFacts } from './dashboardFacts.js';
import { json } from './page.js';

type Row = Database['meetings'];

const toRow = (m: Meeting): Row => ({
  id: m.id,
  case_id: m.caseId,
  kind: m.kind,
  starts_at: m.startsAt,
  ends_at: m.endsAt,
  location: m.location,
  organiser_id: m.organiserId,
  status: m.status,
  join_url: m.joinUrl,
  external_id: m.externalId,
  chat_id: m.chatId,
  started_at: m.startedAt,
  ended_at: m.endedAt,
  outcome_json: m.outcome ? JSON.stringify(m.outcome) : null,
  version: m.version,
});

export function meetingRepository(db: Kysely<Database>, dialect: SqlDialect): MeetingRepository {
  async function withAttendees(rows: Row[]): Promise<Meeting[]> {
    if (rows.length === 0) return [];
    const attendees = await db
      .selectFrom('meeting_attendees')
      .selectAll()
      .where(
        'meeting_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      kind: r.kind as MeetingKind,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      location: r.location,
      organiserId: r.organiser_id,
      attendees: attendees
        .filter((a) => a.meeting_id === r.id)
        .map((a) => ({ staffId: a.staff_id, name: a.name, response: a.response as AttendeeResponse, respondedAt: a.responded_at })),
      status: r.status as MeetingStatus,
      joinUrl: r.join_url,
      externalId: r.external_id,
      chatId: r.chat_id,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      // Outcomes recorded before reviews worked through the plan's actions read as reviewing none.
      outcome: r.outcome_json
        ? ({ actionProgress: [], newActions: [], ...json<Partial<NonNullable<Meeting['outcome']>>>(r.outcome_json) } as NonNullable<Meeting['outcome']>)
        : null,
      version: r.version,
    }));
  }

  async function writeAttendees(m: Meeting) {
    await db.deleteFrom('meeting_attendees').where('meeting_id', '=', m.id).execute();
    if (m.attendees.length === 0) return;
    await db
      .insertInto('meeting_attendees')
      .values(
        m.attendees.map((a) => ({ meeting_id: m.id, case_id: m.caseId, staff_id: a.staffId, name: a.name, response: a.response, responded_at: a.respondedAt })),
      )
      .execute();
  }

  return {
    async insert(m) {
      await db.insertInto('meetings').values(toRow(m)).execute();
      await writeAttendees(m);
      await refreshDashboardFacts(db, dialect, m.caseId);
    },
    async get(caseId, id) {
      const rows = await db.selectFrom('meetings').selectAll().where('case_id', '=', caseId).where('id', '=', id).execute();
      return (await withAttendees(rows))[0] ?? null;
    },
    async update(m, expectedVersion) {
      const { id, ...changes } = toRow(m);
      const r = await db.updateTable('meetings').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await writeAttendees(m);
      await refreshDashboardFacts(db, dialect, m.caseId);
      return true;
    },
    async respond(meetingId, staffId, response, at) {
      const r = await db
        .updateTable('meeting_attendees')
        .set({ response, responded_at: at })
        .where('meeting_id', '=', meetingId)
        .where('staff_id', '=', staffId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async findByChat(chatId) {
      const rows = await db.selectFrom('meetings').selectAll().where('chat_id', '=', chatId).orderBy('starts_at').limit(1).execute();
      return (await withAttendees(rows))[0] ?? null;
    },
    async attendance(meetingId) {
      const rows = await db.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', meetingId).orderBy('name').execute();
      return rows.map((r) => ({
        meetingId: r.meeting_id,
        staffId: r.staff_id,
        name: r.name,
        agency: r.agency as Agency,
        mark: r.mark as AttendanceMarkValue,
        markedBy: r.marked_by,
        markedAt: r.marked_at,
      }));
    },
    async notes(meetingId) {
      const rows = await db.selectFrom('meeting_notes').selectAll().where('meeting_id', '=', meetingId).orderBy('written_at').orderBy('id').execute();
      return rows.map((r) => ({
        id: r.id,
        meetingId: r.meeting_id,
        caseId: r.case_id,
        kind: r.kind as MeetingNoteKind,
        text: r.text,
        writtenBy: r.written_by,
        writtenByName: r.written_by_name,
        writtenAt: r.written_at,
      }));
    },
    async addNote(n) {
      await db
        .insertInto('meeting_notes')
        .values({
          id: n.id,
          meeting_id: n.meetingId,
          case_id: n.caseId,
          kind: n.kind,
          text: n.text,
          written_by: n.writtenBy,
          written_by_name: n.writtenByName,
          written_at: n.writtenAt,
        })
        .execute();
    },
    async markAttendance(caseId, mark) {
      const row = {
        meeting_id: mark.meetingId,
        case_id: caseId,
        staff_id: mark.staffId,
        name: mark.name,
        agency: mark.agency,
        mark: mark.mark,
        marked_by: mark.markedBy,
        marked_at: mark.markedAt,
      };
      await db.deleteFrom('meeting_attendance').where('meeting_id', '=', mark.meetingId).where('staff_id', '=', mark.staffId).execute();
      await db.insertInto('meeting_attendance').values(row).execute();
    },
    async list(caseId) {
      return withAttendees(await db.selectFrom('meetings').selectAll().where('case_id', '=', caseId).orderBy('starts_at').execute());
    },
  };
}
