import { assertIdentified, type Case } from '../../domain/case.js';
import type { Formulation } from '../../domain/formulation.js';
import { type RecordAtApproval, recordWithoutLaterAdditions } from '../../domain/recordAtApproval.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import type { CaseDossier } from '../../documents/dossier.js';
import { withRestrictedEntriesWithheld } from '../../documents/restrictedEntries.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

/** Which document a dossier is read for; it goes into the audit trail. */
export type DossierPurpose = 'formulation_report' | 'youth_friendly_formulation' | 'review_record' | 'timeline_picture' | 'publication';

const PAGE = 1000;

type CaseRecord = Omit<RecordAtApproval, 'caseId' | 'formulationNumber' | 'approvedAt'>;

/** The case's record as it stands: entries that stand (in life order), placements, team, meetings. */
async function readCaseRecord(tx: StoreTx, c: Case): Promise<CaseRecord> {
  assertIdentified(c);
  const service = await serviceOf(tx, c.serviceId);
  const timeline: TimelineEntry[] = [];
  let after: string | undefined;
  do {
    const page = await tx.timeline.list(c.id, {}, { limit: PAGE, after });
    timeline.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  const [placements, team, meetings] = await Promise.all([tx.trm.list(c.id), tx.team.list(c.id), tx.meetings.list(c.id)]);
  const { id, reference, serviceId, pathway, status, childName, childDateOfBirth, referredAt, closedAt } = c;
  return {
    case: { id, reference, serviceId, pathway, status, childName, childDateOfBirth, referredAt, closedAt },
    service: { id: service.id, name: service.name, settings: service.settings },
    timeline,
    placements,
    team,
    meetings,
  };
}

/**
 * Keeps the record as it stands, in the approving transaction, as what version `f` approved: its
 * documents are made from it on any later day (see assembleDossierOfVersion).
 */
export async function keepRecordAtApproval(tx: StoreTx, caseRecord: Case, formulation: Formulation): Promise<void> {
  if (!formulation.approvedAt) return;
  await tx.formulations.keepRecordAtApproval({
    caseId: caseRecord.id,
    formulationNumber: formulation.number,
    approvedAt: formulation.approvedAt,
    ...(await readCaseRecord(tx, caseRecord)),
  });
}

const byNumber = (fs: Formulation[]) => [...fs].sort((a, b) => a.number - b.number);

/** Reads everything the case documents are made from, as it stands today. No access check: callers decide (see below). */
export async function assembleDossier(tx: StoreTx, caseRecord: Case, today: string): Promise<CaseDossier> {
  const [record, formulations] = await Promise.all([readCaseRecord(tx, caseRecord), tx.formulations.list(caseRecord.id)]);
  // No document carries a restricted entry's text (documents/restrictedEntries.ts).
  const timeline = withRestrictedEntriesWithheld(record.timeline, record.case.childDateOfBirth ?? null);
  return { ...record, timeline, formulations: byNumber(formulations), today };
}

/** Every entry restricted as the record stands today, retracted ones too, by id. */
async function restrictedEntriesNow(tx: StoreTx, caseId: string): Promise<Map<string, TimelineEntry>> {
  const restricted = new Map<string, TimelineEntry>();
  let after: string | undefined;
  do {
    const page = await tx.timeline.list(caseId, { includeRetracted: true }, { limit: PAGE, after });
    for (const e of page.items) if (e.restriction) restricted.set(e.id, e);
    after = page.nextCursor ?? undefined;
  } while (after);
  return restricted;
}

/**
 * The dossier an approved version's report and picture are made from: the record kept at its
 * approval (for a version approved before records were kept, today's record without what was added
 * since), shown as at the day of approval. A draft's documents show the record as it stands.
 */
export async function assembleDossierOfVersion(tx: StoreTx, caseRecord: Case, today: string, number?: number): Promise<CaseDossier> {
  const formulations = byNumber(await tx.formulations.list(caseRecord.id));
  const chosen = number !== undefined ? formulations.find((f) => f.number === number) : formulations.filter((f) => f.approvedAt).at(-1);
  if (!chosen?.approvedAt) return assembleDossier(tx, caseRecord, today);
  const approvedAt = chosen.approvedAt;
  const kept = await tx.formulations.recordAtApproval(caseRecord.id, chosen.number);
  const record: CaseRecord = kept ?? recordWithoutLaterAdditions(await readCaseRecord(tx, caseRecord), approvedAt);
  return {
    case: record.case,
    service: record.service,
    // Restricted then or since: no document carries its text.
    timeline: withRestrictedEntriesWithheld(record.timeline, record.case.childDateOfBirth ?? null, await restrictedEntriesNow(tx, caseRecord.id)),
    placements: record.placements,
    team: record.team,
    meetings: record.meetings,
    formulations: formulations.filter((f) => f.number <= chosen.number),
    today: approvedAt.slice(0, 10),
    approval: { formulationNumber: chosen.number, approvedAt },
  };
}

/**
 * A case's dossier for a person who may read its documents; the read is audited. With `version`
 * (or for the report, which is always of a version), the dossier of that version.
 */
export async function loadCaseDossier(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  purpose: DossierPurpose,
  options: { ofVersion?: boolean; version?: number | undefined } = {},
): Promise<CaseDossier> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'documents.read');
    const today = todayIn(deps.clock);
    const dossier = options.ofVersion ? await assembleDossierOfVersion(w.tx, c, today, options.version) : await assembleDossier(w.tx, c, today);
    await w.audit({ action: 'documents.generated', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, document: purpose } });
    return dossier;
  });
}
