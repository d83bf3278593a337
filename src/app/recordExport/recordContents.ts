import type { Agreement } from '../../domain/agreement.js';
import type { AttendanceMark } from '../../domain/attendance.js';
import type { AuditEvent } from '../../domain/audit.js';
import type { Case } from '../../domain/case.js';
import type { Formulation } from '../../domain/formulation.js';
import type { MeetingNote } from '../../domain/meetingNote.js';
import type { Meeting } from '../../domain/meeting.js';
import type { PlanAction } from '../../domain/planAction.js';
import { type EntryForReview, RECORD_EXPORT_DAYS, reasonsForReview, type RecordRequester } from '../../domain/recordExport.js';
import type { Staff } from '../../domain/staff.js';
import type { TeamMember } from '../../domain/team.js';
import type { TimelineEntry, TimelineEntryRevision } from '../../domain/timeline.js';
import { withheldEntry } from '../../domain/restriction.js';
import type { TrmPlacement } from '../../domain/trm.js';
import type { ZipFile } from '../../lib/zipWriter.js';
import type { FormulationRevision, StoreTx } from '../../ports/store.js';

/** Everything held about the child that the export carries, read in one transaction. */
export interface RecordParts {
  case: Case;
  serviceName: string;
  team: TeamMember[];
  agreements: Agreement[];
  timeline: { entry: TimelineEntry; history: TimelineEntryRevision[] }[];
  formulations: { formulation: Formulation; revisions: FormulationRevision[] }[];
  placements: TrmPlacement[];
  meetings: { meeting: Meeting; attendance: AttendanceMark[]; notes: MeetingNote[] }[];
  actions: PlanAction[];
  /** Every audit event of the case, oldest first, until the build read it. */
  audit: AuditEvent[];
  staff: Staff[];
}

const PAGE = 1000;
/** The most audit events the list carries; a case with more says so in the README. */
export const AUDIT_LIMIT = 200_000;

export async function readRecordParts(tx: StoreTx, c: Case): Promise<RecordParts> {
  const entries: TimelineEntry[] = [];
  let after: string | undefined;
  do {
    const page = await tx.timeline.list(c.id, { includeRetracted: true }, { limit: PAGE, after });
    entries.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  const timeline = [];
  for (const entry of entries) timeline.push({ entry, history: await tx.timeline.revisions(entry.id) });
  const formulations = [];
  for (const formulation of [...(await tx.formulations.list(c.id))].sort((a, b) => a.number - b.number))
    formulations.push({ formulation, revisions: await tx.formulations.revisions(formulation.id) });
  const meetings = [];
  for (const meeting of await tx.meetings.list(c.id))
    meetings.push({ meeting, attendance: await tx.meetings.attendance(meeting.id), notes: await tx.meetings.notes(meeting.id) });
  const service = await tx.services.get(c.serviceId);
  return {
    case: c,
    serviceName: service?.name ?? c.serviceId,
    team: await tx.team.list(c.id),
    agreements: await tx.agreements.listForCase(c.id),
    timeline,
    formulations,
    placements: await tx.trm.list(c.id),
    meetings,
    actions: await tx.actions.list(c.id),
    audit: await tx.audit.listForCase(c.id, AUDIT_LIMIT),
    staff: await tx.staff.list(),
  };
}

/** The entries to review before release: those whose text (or any earlier version of it) may name someone else. */
export function entriesForReview(parts: RecordParts, withheld: Set<string>): EntryForReview[] {
  const context = {
    childName: parts.case.childName ?? '',
    staffNames: parts.staff.map((s) => s.name),
    placeWords: [parts.serviceName],
  };
  const out: EntryForReview[] = [];
  for (const { entry, history } of parts.timeline) {
    if (withheld.has(entry.id)) continue;
    const texts = [entry.description, ...history.map((h) => h.content.description), entry.retraction?.reason ?? ''];
    const reasons = [...new Set(texts.flatMap((t) => reasonsForReview(t, context)))];
    if (reasons.length) out.push({ entryId: entry.id, lifeStage: entry.lifeStage, sourceAgency: entry.sourceAgency, reasons });
  }
  return out;
}

export interface ExportMeta {
  exportId: string;
  reference: string;
  requestedFor: RecordRequester;
  note: string | null;
  requestedBy: Staff | null;
  requestedAt: string;
  builtAt: string;
  expiresAt: string;
}

const REQUESTERS: Record<RecordRequester, string> = {
  young_person: 'the young person',
  parent_carer: 'their parent or carer',
  solicitor: 'their solicitor',
  other: 'someone else on their behalf (see the note)',
};

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const jsonFile = (name: string, value: unknown): ZipFile => ({ name, data: text(`${JSON.stringify(value, null, 2)}\n`) });
const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // A cell a spreadsheet would read as a formula is prefixed, so opening the file runs nothing.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csv = (header: string[], rows: (string | number | null)[][]) => text(`${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);

/**
 * A restricted entry whose text the starter may not read: what the export says of it — that it
 * exists, its agency and life stage (src/domain/restriction.ts's withheld shape), and no history.
 */
const withheldInExport = (e: TimelineEntry, dateOfBirth: string | null) => ({
  ...(dateOfBirth
    ? withheldEntry(e, dateOfBirth)
    : { id: e.id, caseId: e.caseId, lifeStage: e.lifeStage, sourceAgency: e.sourceAgency, createdAt: e.createdAt, withheld: true }),
  restricted: 'restricted, withheld',
});

/**
 * The zip's files, under one folder named by the case reference (never the child's name): the
 * record's parts as JSON, who read the record as CSV, the entries for review, a README, and the
 * documents (given, already named, by the caller).
 */
export function recordFiles(
  parts: RecordParts,
  meta: ExportMeta,
  withheld: Set<string>,
  review: EntryForReview[],
  documents: { name: string; data: Uint8Array }[],
): ZipFile[] {
  const root = meta.reference;
  const names = new Map(parts.staff.map((s) => [s.id, s]));
  const who = (id: string) => names.get(id)?.name ?? (id === 'system' ? 'ECM for Teams (the system)' : id);
  const c = parts.case;
  const timeline = parts.timeline.map(({ entry, history }) => (withheld.has(entry.id) ? withheldInExport(entry, c.childDateOfBirth) : { ...entry, history }));
  const audit = parts.audit.map((e) => [e.at, who(e.actorId), names.get(e.actorId)?.role ?? '', names.get(e.actorId)?.agency ?? '', e.action]);
  const entryWhen = new Map(parts.timeline.map(({ entry }) => [entry.id, entry]));
  const readme = [
    `The record held about the young person of case ${meta.reference}`,
    '',
    `Asked for by ${REQUESTERS[meta.requestedFor]}. Export ${meta.exportId}, started by ${meta.requestedBy?.name ?? 'a member of staff'} on ${meta.requestedAt}, built on ${meta.builtAt}.`,
    ...(meta.note ? [`Note: ${meta.note}`] : []),
    `It may be downloaded by the person who started it until ${meta.expiresAt} (${RECORD_EXPORT_DAYS} days), then it is gone.`,
    '',
    'What is inside:',
    '- case.json: the case as referred, its service and the team around the young person.',
    '- agreements.json: every decision to take part (or not), who made it, when and how.',
    '- timeline.json: every timeline entry, retracted ones included, each with its history (every earlier version).',
    '- formulations.json: every formulation version and every saved revision of each.',
    '- trm-placements.json: every placement on the Trauma Recovery Model.',
    '- meetings.json: every meeting, who was invited and attended, its notes and its recorded outcome.',
    '- actions.json: the actions of the plan, their owners and how they went.',
    '- who-read-the-record.csv: everyone who read or changed the record, and when, from the audit trail.',
    '- for-review-before-release.csv: entries that may name other people; review and redact them by hand before release.',
    '- documents/: the documents held in the service’s document library for the case.',
    '',
    withheld.size
      ? `${withheld.size} restricted ${withheld.size === 1 ? 'entry is' : 'entries are'} listed as "restricted, withheld": the person who started the export may not read their text. Ask the ECM team or the contributing agency to review them for release.`
      : 'No entry was withheld.',
    ...(parts.audit.length >= AUDIT_LIMIT ? [`The audit list stops at ${AUDIT_LIMIT} events; ask an administrator for the rest.`] : []),
    '',
  ].join('\r\n');
  return [
    { name: `${root}/README.txt`, data: text(readme) },
    jsonFile(`${root}/case.json`, {
      case: c,
      service: { id: c.serviceId, name: parts.serviceName },
      team: parts.team.map((m) => ({ ...m, name: who(m.staffId) })),
    }),
    jsonFile(`${root}/agreements.json`, parts.agreements),
    jsonFile(`${root}/timeline.json`, timeline),
    jsonFile(
      `${root}/formulations.json`,
      parts.formulations.map(({ formulation, revisions }) => ({ ...formulation, revisions })),
    ),
    jsonFile(`${root}/trm-placements.json`, parts.placements),
    jsonFile(
      `${root}/meetings.json`,
      parts.meetings.map(({ meeting, attendance, notes }) => ({ ...meeting, attendance, notes })),
    ),
    jsonFile(`${root}/actions.json`, parts.actions),
    { name: `${root}/who-read-the-record.csv`, data: csv(['at', 'who', 'role', 'agency', 'what'], audit) },
    {
      name: `${root}/for-review-before-release.csv`,
      data: csv(
        ['entry', 'when it happened (from)', 'to', 'life stage', 'agency', 'why listed'],
        [
          ...review.map((r) => {
            const e = entryWhen.get(r.entryId);
            return [r.entryId, e?.span.start ?? '', e?.span.end ?? '', r.lifeStage, r.sourceAgency, r.reasons.join('; ')];
          }),
          ...[...withheld].map((id) => {
            const e = entryWhen.get(id);
            // Its life stage and agency only: not even the precision of its date.
            return [id, '', '', e?.lifeStage ?? '', e?.sourceAgency ?? '', 'restricted, withheld'];
          }),
        ],
      ),
    },
    ...documents.map((d) => ({ name: `${root}/documents/${d.name}`, data: d.data })),
  ];
}
