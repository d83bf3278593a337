import { type Kysely, sql } from 'kysely';
import type { Agreement, AgreementMethod, Decision, FamilyWord, Party } from '../../../domain/agreement.js';
import type { LegalStatus } from '../../../domain/legalStatus.js';
import type { Case, CaseStatus, ClosureReason, LawfulBasis, Pathway } from '../../../domain/case.js';
import type { ServiceSettings } from '../../../domain/service.js';
import type { Agency } from '../../../domain/staff.js';
import type { CaseRole, TeamMember } from '../../../domain/team.js';
import type { AgreementRepository, CaseRepository, TeamRepository } from '../../../ports/store.js';
import type { Database, SqlDialect } from '../schema.js';
import { refreshDashboardFacts } from './dashboardFacts.js';
import { decodeCursor, json, toPage } from './page.js';
import { compiledOnce } from '../compiledOnce.js';

type CaseRow = Database['cases'];

const toCase = (r: CaseRow): Case => ({
  id: r.id,
  reference: r.reference,
  serviceId: r.service_id,
  childName: r.child_name,
  childDateOfBirth: r.child_dob,
  pathway: r.pathway as Pathway,
  orderStart: r.order_start,
  orderEnd: r.order_end,
  status: r.status as CaseStatus,
  referralReason: r.referral_reason,
  lawfulBasis: r.lawful_basis as LawfulBasis,
  legalStatus: r.legal_status as LegalStatus,
  parentalResponsibility: r.parental_responsibility,
  referredBy: r.referred_by,
  referredAt: r.referred_at,
  caseHolderId: r.case_holder_id,
  closureReason: r.closure_reason as ClosureReason | null,
  closureNote: r.closure_note,
  closedAt: r.closed_at,
  version: r.version,
});

const toRow = (c: Case): CaseRow => ({
  id: c.id,
  reference: c.reference,
  service_id: c.serviceId,
  child_name: c.childName,
  child_dob: c.childDateOfBirth,
  pathway: c.pathway,
  order_start: c.orderStart,
  order_end: c.orderEnd,
  status: c.status,
  referral_reason: c.referralReason,
  lawful_basis: c.lawfulBasis,
  legal_status: c.legalStatus,
  parental_responsibility: c.parentalResponsibility,
  referred_by: c.referredBy,
  referred_at: c.referredAt,
  case_holder_id: c.caseHolderId,
  closure_reason: c.closureReason,
  closure_note: c.closureNote,
  closed_at: c.closedAt,
  version: c.version,
});

/** Tables holding a case's content, emptied when a case passes retention. */
const CASE_TABLES = [
  'record_exports',
  'agreements',
  'team_members',
  'timeline_entries',
  'timeline_revisions',
  'timeline_questions',
  'formulations',
  'formulation_revisions',
  'records_at_approval',
  'trm_placements',
  'meetings',
  'meeting_attendees',
  'plan_actions',
  'meeting_attendance',
  'meeting_notes',
  'transition_plans',
  'consultations',
  'consultation_meetings',
  'case_summaries',
  'case_events',
  'outbox_jobs',
  // Published documents' records and bytes not yet delivered: the library folder goes too.
  'case_documents',
  'case_transfers',
  'case_dashboard_facts',
] as const;

/**
 * A service's settings as every request about a case reads them: parsed once for each text met and
 * frozen, so a request can neither pay the parse again nor change what the next one is handed.
 */
const settingsRead = new Map<string, ServiceSettings>();
function settingsOf(text: string): ServiceSettings {
  let settings = settingsRead.get(text);
  if (!settings) {
    settings = frozen(json<ServiceSettings>(text));
    settingsRead.set(text, settings);
    if (settingsRead.size > 64) settingsRead.delete(settingsRead.keys().next().value as string);
  }
  return settings;
}
const frozen = <T>(value: T): T => {
  if (value && typeof value === 'object') for (const v of Object.values(value)) frozen(v);
  return Object.freeze(value);
};

/** The case, the person's place on its team, its service, and whether a question is open on its jigsaw: one read, compiled once. */
const caseInReach = compiledOnce((db, p: { id: string; staffId: string }) =>
  db
    .selectFrom('cases')
    .innerJoin('services', 'services.id', 'cases.service_id')
    .leftJoin('team_members', (j) => j.onRef('team_members.case_id', '=', 'cases.id').on('team_members.staff_id', '=', p.staffId))
    .selectAll('cases')
    .select((eb) => [
      'services.name as service_name',
      'services.settings as service_settings',
      'team_members.staff_id as tm_staff_id',
      'team_members.name as tm_name',
      'team_members.agency as tm_agency',
      'team_members.case_role as tm_case_role',
      'team_members.invited_by as tm_invited_by',
      'team_members.invited_at as tm_invited_at',
      'team_members.invitation_expires_at as tm_invitation_expires_at',
      'team_members.terms_accepted_at as tm_terms_accepted_at',
      'team_members.terms_version as tm_terms_version',
      eb
        .exists(
          eb
            .selectFrom('timeline_questions')
            .select('timeline_questions.id')
            .whereRef('timeline_questions.case_id', '=', 'cases.id')
            .where('timeline_questions.status', '=', 'open'),
        )
        .as('open_questions'),
    ])
    .where('cases.id', '=', p.id),
);

export function caseRepository(db: Kysely<Database>, dialect: SqlDialect): CaseRepository {
  return {
    async nextReferenceNumber(serviceId, year) {
      const r = await db
        .insertInto('case_reference_counters')
        .values({ service_id: serviceId, year, last: 1 })
        .onConflict((oc) => oc.columns(['service_id', 'year']).doUpdateSet({ last: sql<number>`case_reference_counters.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return Number(r.last);
    },
    async insert(c) {
      await db.insertInto('cases').values(toRow(c)).execute();
      await refreshDashboardFacts(db, dialect, c.id);
    },
    async get(id) {
      const r = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toCase(r) : null;
    },
    async getInReach(id, staffId) {
      const r = (await caseInReach(db, { id, staffId })).rows[0];
      if (!r) return null;
      const membership: TeamMember | null =
        r.tm_staff_id === null
          ? null
          : {
              caseId: r.id,
              staffId: r.tm_staff_id,
              name: r.tm_name!,
              agency: r.tm_agency as Agency,
              caseRole: r.tm_case_role as CaseRole,
              invitedBy: r.tm_invited_by!,
              invitedAt: r.tm_invited_at!,
              invitationExpiresAt: r.tm_invitation_expires_at!,
              termsAcceptedAt: r.tm_terms_accepted_at,
              termsVersion: r.tm_terms_version,
            };
      return {
        case: toCase(r),
        membership,
        service: { id: r.service_id, name: r.service_name, settings: settingsOf(r.service_settings) },
        openQuestions: Boolean(r.open_questions),
      };
    },
    async getByReference(reference) {
      const r = await db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirst();
      return r ? toCase(r) : null;
    },
    async update(c, expectedVersion) {
      const { id, ...changes } = toRow(c);
      const r = await db.updateTable('cases').set(changes).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await refreshDashboardFacts(db, dialect, id);
      return true;
    },
    async list(query, page) {
      const after = decodeCursor(page.after, 2);
      let q = db.selectFrom('cases').selectAll('cases');
      if (query.serviceIds) q = q.where('cases.service_id', 'in', query.serviceIds.length ? query.serviceIds : ['']);
      if (query.status?.length) q = q.where('cases.status', 'in', query.status);
      if (query.pathway) q = q.where('cases.pathway', '=', query.pathway);
      for (const word of query.nameOrReference ?? []) {
        // Each word somewhere in the name or the reference, any case; % and _ typed are only letters.
        const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where(
          (eb) =>
            sql<boolean>`(lower(coalesce(${eb.ref('cases.child_name')}, '')) like ${pattern} escape '\\' or lower(${eb.ref('cases.reference')}) like ${pattern} escape '\\')`,
        );
      }
      if (query.memberStaffId) {
        const staffId = query.memberStaffId;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('team_members')
              .select('team_members.case_id')
              .whereRef('team_members.case_id', '=', 'cases.id')
              .where('team_members.staff_id', '=', staffId),
          ),
        );
      }
      if (after) {
        const [at, id] = after as [string, string];
        q = q.where((eb) => eb.or([eb('cases.referred_at', '<', at), eb.and([eb('cases.referred_at', '=', at), eb('cases.id', '<', id)])]));
      }
      const rows = await q
        .orderBy('cases.referred_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(page.limit + 1)
        .execute();
      return toPage(rows, page.limit, toCase, (r) => [r.referred_at, r.id]);
    },
    async listOpenByDateOfBirth(serviceId, dateOfBirth) {
      const rows = await db
        .selectFrom('cases')
        .selectAll()
        .where('service_id', '=', serviceId)
        .where('child_dob', '=', dateOfBirth)
        .where('status', '!=', 'closed')
        .orderBy('referred_at')
        .execute();
      return rows.map(toCase);
    },
    async purge(id) {
      for (const table of CASE_TABLES) await db.deleteFrom(table).where('case_id', '=', id).execute();
      await db.deleteFrom('cases').where('id', '=', id).execute();
    },
  };
}

export function agreementRepository(db: Kysely<Database>, dialect: SqlDialect): AgreementRepository {
  return {
    async insert(a) {
      await db
        .insertInto('agreements')
        .values({
          id: a.id,
          case_id: a.caseId,
          seq: a.seq,
          party: a.party,
          decision: a.decision,
          date: a.date,
          method: a.method,
          competence_note: a.competenceNote,
          family_involvement: a.familyInvolvement,
          recorded_by: a.recordedBy,
          recorded_by_name: a.recordedByName,
          recorded_at: a.recordedAt,
        })
        .execute();
      await refreshDashboardFacts(db, dialect, a.caseId);
    },
    async listForCase(caseId) {
      const rows = await db.selectFrom('agreements').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
      return rows.map((r): Agreement => ({
        id: r.id,
        caseId: r.case_id,
        seq: Number(r.seq),
        party: r.party as Party,
        decision: r.decision as Decision,
        date: r.date,
        method: r.method as AgreementMethod,
        competenceNote: r.competence_note,
        familyInvolvement: r.family_involvement as FamilyWord | null,
        recordedBy: r.recorded_by,
        recordedByName: r.recorded_by_name,
        recordedAt: r.recorded_at,
      }));
    },
  };
}

export function teamRepository(db: Kysely<Database>): TeamRepository {
  const toMember = (r: Database['team_members']): TeamMember => ({
    caseId: r.case_id,
    staffId: r.staff_id,
    name: r.name,
    agency: r.agency as Agency,
    caseRole: r.case_role as CaseRole,
    invitedBy: r.invited_by,
    invitedAt: r.invited_at,
    invitationExpiresAt: r.invitation_expires_at,
    termsAcceptedAt: r.terms_accepted_at,
    termsVersion: r.terms_version,
  });
  return {
    async upsert(m) {
      const row = {
        case_id: m.caseId,
        staff_id: m.staffId,
        name: m.name,
        agency: m.agency,
        case_role: m.caseRole,
        invited_by: m.invitedBy,
        invited_at: m.invitedAt,
        invitation_expires_at: m.invitationExpiresAt,
        terms_accepted_at: m.termsAcceptedAt,
        terms_version: m.termsVersion,
      };
      const { case_id: _c, staff_id: _s, ...changes } = row;
      await db
        .insertInto('team_members')
        .values(row)
        .onConflict((oc) => oc.columns(['case_id', 'staff_id']).doUpdateSet(changes))
        .execute();
    },
    async get(caseId, staffId) {
      const r = await db.selectFrom('team_members').selectAll().where('case_id', '=', caseId).where('staff_id', '=', staffId).executeTakeFirst();
      return r ? toMember(r) : null;
    },
    async list(caseId) {
      return (await db.selectFrom('team_members').selectAll().where('case_id', '=', caseId).orderBy('invited_at').execute()).map(toMember);
    },
    async remove(caseId, staffId) {
      await db.deleteFrom('team_members').where('case_id', '=', caseId).where('staff_id', '=', staffId).execute();
    },
  };
}
