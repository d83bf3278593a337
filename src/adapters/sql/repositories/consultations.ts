import type { Kysely } from 'kysely';
import type { AgreementMethod } from '../../../domain/agreement.js';
import type { Consultation, ConsultationMeeting, Disposal } from '../../../domain/consultation.js';
import type { ConsultationRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';

type Row = Database['consultations'];

const toConsultation = (r: Row): Consultation => ({
  caseId: r.case_id,
  disposal: r.disposal as Disposal,
  childInitials: r.child_initials,
  childAge: Number(r.child_age),
  sharingAgreement:
    r.sharing_agreed_by !== null && r.sharing_agreed_on !== null && r.sharing_method !== null
      ? { agreedBy: r.sharing_agreed_by, date: r.sharing_agreed_on, method: r.sharing_method as AgreementMethod }
      : null,
  identifiedAt: r.identified_at,
  becameCaseAt: r.became_case_at,
});

const toRow = (c: Consultation): Row => ({
  case_id: c.caseId,
  disposal: c.disposal,
  child_initials: c.childInitials,
  child_age: c.childAge,
  sharing_agreed_by: c.sharingAgreement?.agreedBy ?? null,
  sharing_agreed_on: c.sharingAgreement?.date ?? null,
  sharing_method: c.sharingAgreement?.method ?? null,
  identified_at: c.identifiedAt,
  became_case_at: c.becameCaseAt,
});

export function consultationRepository(db: Kysely<Database>): ConsultationRepository {
  return {
    async insert(c) {
      await db.insertInto('consultations').values(toRow(c)).execute();
    },
    async get(caseId) {
      const r = await db.selectFrom('consultations').selectAll().where('case_id', '=', caseId).executeTakeFirst();
      return r ? toConsultation(r) : null;
    },
    async update(c) {
      const { case_id, ...changes } = toRow(c);
      await db.updateTable('consultations').set(changes).where('case_id', '=', case_id).execute();
    },
    async addMeeting(m) {
      await db
        .insertInto('consultation_meetings')
        .values({
          id: m.id,
          case_id: m.caseId,
          held_on: m.heldOn,
          ecm_team: JSON.stringify(m.ecmTeam),
          advice: m.advice,
          next_steps: m.nextSteps,
          follow_up_on: m.followUpOn,
          recorded_by: m.recordedBy,
          recorded_by_name: m.recordedByName,
          recorded_at: m.recordedAt,
        })
        .execute();
    },
    async listMeetings(caseId) {
      const rows = await db.selectFrom('consultation_meetings').selectAll().where('case_id', '=', caseId).orderBy('held_on').orderBy('recorded_at').execute();
      return rows.map((r): ConsultationMeeting => ({
        id: r.id,
        caseId: r.case_id,
        heldOn: r.held_on,
        ecmTeam: JSON.parse(r.ecm_team) as ConsultationMeeting['ecmTeam'],
        advice: r.advice,
        nextSteps: r.next_steps,
        followUpOn: r.follow_up_on,
        recordedBy: r.recorded_by,
        recordedByName: r.recorded_by_name,
        recordedAt: r.recorded_at,
      }));
    },
  };
}
