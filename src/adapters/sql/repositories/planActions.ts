import type { Kysely } from 'kysely';
import type { ActionStatus, PlanAction } from '../../../domain/planAction.js';
import type { Agency } from '../../../domain/staff.js';
import type { PlanActionRepository } from '../../../ports/store.js';
import type { Database } from '../schema.js';
import { updateIfVersion } from './versionedUpdate.js';

type Row = Database['plan_actions'];

const toRow = (a: PlanAction): Row => ({
  id: a.id,
  case_id: a.caseId,
  recommendation_id: a.recommendationId,
  formulation_number: a.formulationNumber,
  text: a.text,
  trm_level: a.trmLevel,
  relationship_based: a.relationshipBased ? 1 : 0,
  sequence: a.sequence,
  owner_staff_id: a.owner.kind === 'person' ? a.owner.staffId : null,
  owner_name: a.owner.kind === 'person' ? a.owner.name : null,
  owner_agency: a.owner.agency,
  due_by: a.dueBy,
  status: a.status,
  stopped_because: a.stoppedBecause,
  updated_by: a.updatedBy,
  updated_by_name: a.updatedByName,
  updated_at: a.updatedAt,
  version: a.version,
  added_at_meeting_id: a.addedAtMeetingId,
});

const fromRow = (r: Row): PlanAction => ({
  id: r.id,
  caseId: r.case_id,
  recommendationId: r.recommendation_id,
  formulationNumber: Number(r.formulation_number),
  text: r.text,
  trmLevel: Number(r.trm_level),
  relationshipBased: Number(r.relationship_based) === 1,
  sequence: Number(r.sequence),
  owner:
    r.owner_staff_id !== null
      ? { kind: 'person', staffId: r.owner_staff_id, name: r.owner_name ?? r.owner_staff_id, agency: r.owner_agency as Agency }
      : { kind: 'agency', agency: r.owner_agency as Agency },
  dueBy: r.due_by,
  status: r.status as ActionStatus,
  stoppedBecause: r.stopped_because,
  updatedBy: r.updated_by,
  updatedByName: r.updated_by_name,
  updatedAt: r.updated_at,
  version: Number(r.version),
  addedAtMeetingId: r.added_at_meeting_id ?? null,
});

export function planActionRepository(db: Kysely<Database>): PlanActionRepository {
  return {
    async insert(a) {
      await db.insertInto('plan_actions').values(toRow(a)).execute();
    },
    update(a, expectedVersion) {
      return updateIfVersion(db, 'plan_actions', toRow(a), expectedVersion);
    },
    async get(caseId, id) {
      const row = await db.selectFrom('plan_actions').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async list(caseId) {
      const rows = await db.selectFrom('plan_actions').selectAll().where('case_id', '=', caseId).orderBy('sequence').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async listOwnedBy(staffId) {
      const rows = await db
        .selectFrom('plan_actions')
        .selectAll()
        .where('owner_staff_id', '=', staffId)
        .orderBy('due_by')
        .orderBy('case_id')
        .orderBy('sequence')
        .execute();
      return rows.map(fromRow);
    },
  };
}
