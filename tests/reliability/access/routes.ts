import { TERMS_VERSION } from '../../../src/domain/team.js';
import { agreementGiven, consultationRequest, entry, referral } from '../../support/factories.js';
import type { CaseAct, ServiceAct } from './intent.js';

/**
 * Every route the server mounts, with the act it asks for, a valid request, and where its case,
 * entry and meeting ids go. Case routes run in this order on a fresh case per person: reads, then
 * changes, then what ends things (cancellation, acceptance, withdrawal, closure).
 */
export type MeetingKey = 'upcoming' | 'toCancel' | 'toHold' | 'held';
export type VersionOf = 'case' | 'entry' | 'formulation' | 'meeting' | 'action' | 'transitionPlan' | 'summary' | 'question';

/** What a case route is run against: a case and the records on it. */
export interface CaseWorld {
  caseId: string;
  entries: { own?: string; others: string };
  meetings: Record<MeetingKey, string>;
  /** Actions of the plan: one the person under test owns (when they are on the team), one held by the ECM team. */
  actions: { own?: string; others: string };
  /** Questions of the jigsaw: one put to the person's agency (when it is on the team), one put to another agency. */
  questions: { own?: string; others: string };
  /** The contents of a formulation ready for approval (its evidence is an entry of this case). */
  formulation: Record<string, unknown>;
  /** The export of the record the person under test started, once they have (else an id that names none). */
  exportId?: string;
  /** On the test clock: today, a time for a new meeting, and the next review after a held one. */
  today: string;
  meetingStart: string;
  nextReviewDue: string;
}

export interface CaseRoute {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  pattern: string;
  act: CaseAct | 'retention.delete';
  entry?: 'own' | 'others';
  meeting?: MeetingKey;
  action?: 'own' | 'others';
  question?: 'own' | 'others';
  body?: (w: CaseWorld) => unknown;
  ifMatch?: VersionOf;
  /** Refusals by a rule of the practice (not by access) that an allowed person may meet here. */
  tolerate?: string[];
  /** Server-sent events: only the status and content type are read. */
  stream?: boolean;
  /** A query string the route needs to be a valid request (without the "?"). */
  query?: string;
}

const C = '/api/v1/cases/:caseId';

export const CASE_ROUTES: CaseRoute[] = [
  { name: 'read the case', method: 'GET', pattern: C, act: 'case.read' },
  { name: 'read the agreements', method: 'GET', pattern: `${C}/agreements`, act: 'agreement.read' },
  { name: 'read the team', method: 'GET', pattern: `${C}/team`, act: 'team.read' },
  { name: 'read the timeline', method: 'GET', pattern: `${C}/timeline`, act: 'timeline.read' },
  { name: 'read the jigsaw (who knows what)', method: 'GET', pattern: `${C}/timeline/coverage`, act: 'timeline.read' },
  { name: 'list the questions put to agencies', method: 'GET', pattern: `${C}/timeline/questions`, act: 'timeline.read' },
  { name: 'search the timeline by words', method: 'GET', pattern: `${C}/timeline/search`, act: 'timeline.read', query: 'q=school&agency=education' },
  { name: "read an entry's history", method: 'GET', pattern: `${C}/timeline/:entryId/history`, act: 'timeline.read', entry: 'others' },
  { name: 'read the formulation', method: 'GET', pattern: `${C}/formulation`, act: 'formulation.read' },
  { name: 'read the revisions of formulation v1', method: 'GET', pattern: `${C}/formulation/versions/:number/revisions`, act: 'formulation.read' },
  { name: 'read the TRM placements', method: 'GET', pattern: `${C}/trm`, act: 'trm.read' },
  { name: 'list the meetings', method: 'GET', pattern: `${C}/meetings`, act: 'meeting.read' },
  { name: 'list the actions of the plan', method: 'GET', pattern: `${C}/actions`, act: 'actions.read' },
  { name: 'read the transition plan', method: 'GET', pattern: `${C}/transition-plan`, act: 'transition.read' },
  { name: 'read a meeting', method: 'GET', pattern: `${C}/meetings/:meetingId`, act: 'meeting.read', meeting: 'upcoming' },
  { name: "read a meeting's attendance register", method: 'GET', pattern: `${C}/meetings/:meetingId/attendance`, act: 'meeting.read', meeting: 'held' },
  { name: "read a meeting's notes", method: 'GET', pattern: `${C}/meetings/:meetingId/notes`, act: 'meeting.read', meeting: 'held' },
  { name: "download a meeting's invitation", method: 'GET', pattern: `${C}/meetings/:meetingId/invitation.ics`, act: 'meeting.read', meeting: 'upcoming' },
  { name: 'watch the case (event stream)', method: 'GET', pattern: `${C}/events`, act: 'timeline.read', stream: true },
  { name: 'make the formulation report', method: 'GET', pattern: `${C}/documents/formulation-report`, act: 'documents.read' },
  { name: 'make the youth-friendly formulation', method: 'GET', pattern: `${C}/documents/youth-friendly-formulation`, act: 'documents.read' },
  { name: 'make the timeline picture', method: 'GET', pattern: `${C}/documents/timeline-picture`, act: 'documents.read' },
  { name: "make a review's record", method: 'GET', pattern: `${C}/meetings/:meetingId/review-record`, act: 'documents.read', meeting: 'held' },
  { name: 'list the published documents', method: 'GET', pattern: `${C}/documents`, act: 'documents.read' },
  { name: 'read the summary for the court', method: 'GET', pattern: `${C}/summaries/:kind`, act: 'summary.read' },
  { name: 'download the summary for the court', method: 'GET', pattern: `${C}/summaries/:kind/document`, act: 'summary.read' },
  { name: 'list what has not been delivered', method: 'GET', pattern: `${C}/undelivered`, act: 'documents.read' },
  { name: 'list who the bot cannot reach', method: 'GET', pattern: `${C}/unreachable`, act: 'team.read' },
  {
    name: 'suggest meeting times',
    method: 'POST',
    pattern: `${C}/meetings/suggestions`,
    act: 'meeting.schedule',
    body: (w) => ({
      attendeeIds: ['yjs-amy'],
      from: w.meetingStart,
      to: new Date(Date.parse(w.meetingStart) + 7 * 86_400_000).toISOString(),
      durationMinutes: 60,
    }),
  },

  { name: 'record an agreement', method: 'POST', pattern: `${C}/agreements`, act: 'agreement.record', body: () => agreementGiven('parent_carer') },
  {
    name: 'invite someone to the team',
    method: 'POST',
    pattern: `${C}/team`,
    act: 'team.invite',
    body: () => ({ staffId: 'mentor-kai', agency: 'mentoring', caseRole: 'partner' }),
  },
  {
    name: 'add a timeline entry',
    method: 'POST',
    pattern: `${C}/timeline`,
    act: 'timeline.add',
    body: () => entry({ description: 'Added by the person under test.' }),
  },
  {
    name: 'ask an agency about a stage of the child’s life',
    method: 'POST',
    pattern: `${C}/timeline/questions`,
    act: 'timeline.ask',
    body: () => ({ lifeStage: 'early_years', agency: 'youth_justice' }),
  },
  {
    name: 'answer a question put to their agency',
    method: 'POST',
    pattern: `${C}/timeline/questions/:questionId/answer`,
    act: 'timeline.answer.own',
    question: 'own',
    ifMatch: 'question',
    body: () => ({ outcome: 'nothing_held' }),
  },
  {
    name: 'answer a question put to another agency',
    method: 'POST',
    pattern: `${C}/timeline/questions/:questionId/answer`,
    act: 'timeline.answer.others',
    question: 'others',
    ifMatch: 'question',
    body: () => ({ outcome: 'nothing_held' }),
  },
  {
    name: 'edit an entry they added',
    method: 'PUT',
    pattern: `${C}/timeline/:entryId`,
    act: 'timeline.edit.own',
    entry: 'own',
    ifMatch: 'entry',
    body: () => entry({ description: 'Edited by the person who added it.' }),
  },
  {
    name: 'edit an entry someone else added',
    method: 'PUT',
    pattern: `${C}/timeline/:entryId`,
    act: 'timeline.edit.others',
    entry: 'others',
    ifMatch: 'entry',
    body: () => entry({ description: 'Edited by someone else.' }),
  },
  {
    name: 'record a TRM placement',
    method: 'POST',
    pattern: `${C}/trm`,
    act: 'trm.record',
    body: (w) => ({ level: 2.5, rationale: 'Building trust with the key worker.', effectiveDate: w.today }),
  },
  {
    name: 'schedule a meeting',
    method: 'POST',
    pattern: `${C}/meetings`,
    act: 'meeting.schedule',
    body: (w) => ({
      kind: 'review',
      startsAt: w.meetingStart,
      endsAt: new Date(Date.parse(w.meetingStart) + 3_600_000).toISOString(),
      attendeeIds: ['yjs-amy'],
    }),
  },
  {
    name: 'record a meeting already held',
    method: 'POST',
    pattern: `${C}/meetings`,
    act: 'meeting.recordOutcome',
    body: (w) => ({
      kind: 'review',
      startsAt: new Date(Date.parse(w.meetingStart) - 2 * 3_600_000).toISOString(),
      endsAt: new Date(Date.parse(w.meetingStart) - 3_600_000).toISOString(),
      attendeeIds: ['yjs-amy'],
      status: 'held',
      outcome: { summary: 'Held before it was scheduled here.', nextReviewDue: w.nextReviewDue },
    }),
  },
  {
    name: "take a meeting's attendance register",
    method: 'PUT',
    pattern: `${C}/meetings/:meetingId/attendance`,
    act: 'meeting.recordOutcome',
    meeting: 'held',
    body: () => ({ marks: [{ staffId: 'yjs-amy', mark: 'present' }] }),
  },
  {
    name: 'add a note to a meeting',
    method: 'POST',
    pattern: `${C}/meetings/:meetingId/notes`,
    act: 'meeting.recordOutcome',
    meeting: 'held',
    body: () => ({ kind: 'decision', text: 'Agreed to meet again in the youth club.' }),
  },
  {
    name: 'answer a meeting invitation',
    method: 'POST',
    pattern: `${C}/meetings/:meetingId/response`,
    act: 'meeting.respond',
    meeting: 'upcoming',
    body: () => ({ response: 'accepted' }),
    // Only those invited answer; the team's own staff may not be on this meeting's list.
    tolerate: ['rule_violation'],
  },
  {
    name: 'update an action they own',
    method: 'PATCH',
    pattern: `${C}/actions/:actionId`,
    act: 'action.update.own',
    action: 'own',
    ifMatch: 'action',
    body: () => ({ status: 'under_way' }),
  },
  {
    name: 'update an action someone else owns',
    method: 'PATCH',
    pattern: `${C}/actions/:actionId`,
    act: 'action.update.others',
    action: 'others',
    ifMatch: 'action',
    body: () => ({ status: 'under_way' }),
  },
  {
    name: "name an action's owner and date",
    method: 'PATCH',
    pattern: `${C}/actions/:actionId`,
    act: 'action.assign',
    action: 'others',
    ifMatch: 'action',
    body: (w) => ({ ownerAgency: 'youth_justice', dueBy: w.today }),
  },
  {
    name: 'save the formulation draft',
    method: 'PUT',
    pattern: `${C}/formulation`,
    act: 'formulation.write',
    ifMatch: 'formulation',
    body: (w) => w.formulation,
  },
  { name: 'approve the formulation', method: 'POST', pattern: `${C}/formulation/approval`, act: 'formulation.approve', ifMatch: 'formulation' },
  {
    name: 'word the summary for the court',
    method: 'PUT',
    pattern: `${C}/summaries/:kind`,
    act: 'summary.write',
    ifMatch: 'summary',
    body: () => ({
      sections: {
        inEcm: 'In ECM since the spring.',
        plan: 'The same worker each week.',
        askedOfChild: 'To meet their worker.',
        askedOfAdults: 'To keep to the times agreed.',
        relationshipsFirst: 'Trust comes first.',
      },
    }),
  },
  // Approval needs a saved wording: the person under test saved one just before, when they may.
  { name: 'approve the summary for the court', method: 'POST', pattern: `${C}/summaries/:kind/approve`, act: 'summary.approve', ifMatch: 'summary' },
  // After an approval this starts the next version; without one, the draft is still open (409).
  { name: 'draft a new formulation version', method: 'POST', pattern: `${C}/formulation`, act: 'formulation.write', body: () => ({}), tolerate: ['conflict'] },
  // Restricted entries: restricted and lifted again, so the routes after see the entry as it was.
  {
    name: 'restrict an entry they added',
    method: 'POST',
    pattern: `${C}/timeline/:entryId/restriction`,
    act: 'timeline.restrict.own',
    entry: 'own',
    ifMatch: 'entry',
    body: () => ({ reason: 'Shared in confidence by the agency.' }),
  },
  {
    name: 'lift the restriction of an entry they added',
    method: 'POST',
    pattern: `${C}/timeline/:entryId/restriction/lift`,
    act: 'timeline.restrict.own',
    entry: 'own',
    ifMatch: 'entry',
    body: () => ({ reason: 'The agency agreed to share it with the team.' }),
  },
  {
    name: 'restrict an entry someone else added',
    method: 'POST',
    pattern: `${C}/timeline/:entryId/restriction`,
    act: 'timeline.restrict.others',
    entry: 'others',
    ifMatch: 'entry',
    body: () => ({ reason: 'Shared in confidence by the agency.' }),
  },
  {
    name: 'lift the restriction of an entry someone else added',
    method: 'POST',
    pattern: `${C}/timeline/:entryId/restriction/lift`,
    act: 'timeline.restrict.others',
    entry: 'others',
    ifMatch: 'entry',
    body: () => ({ reason: 'The agency agreed to share it with the team.' }),
  },
  {
    name: 'retract an entry they added',
    method: 'POST',
    pattern: `${C}/timeline/:entryId/retraction`,
    act: 'timeline.retract.own',
    entry: 'own',
    ifMatch: 'entry',
    body: () => ({ reason: 'Added to the wrong case.' }),
  },
  {
    name: 'retract an entry someone else added',
    method: 'POST',
    pattern: `${C}/timeline/:entryId/retraction`,
    act: 'timeline.retract.others',
    entry: 'others',
    ifMatch: 'entry',
    body: () => ({ reason: 'The agency withdrew it.' }),
  },
  {
    name: "record a meeting's outcome",
    method: 'POST',
    pattern: `${C}/meetings/:meetingId/outcome`,
    act: 'meeting.recordOutcome',
    meeting: 'toHold',
    ifMatch: 'meeting',
    body: (w) => ({ summary: 'Progress reviewed with the team.', nextReviewDue: w.nextReviewDue }),
  },
  {
    name: 'cancel a meeting',
    method: 'POST',
    pattern: `${C}/meetings/:meetingId/cancellation`,
    act: 'meeting.schedule',
    meeting: 'toCancel',
    ifMatch: 'meeting',
  },
  // Before the withdrawal, which stops new work on the case.
  {
    name: 'write the transition plan',
    method: 'PUT',
    pattern: `${C}/transition-plan`,
    act: 'transition.write',
    ifMatch: 'transitionPlan',
    body: (w) => ({
      joining: [{ service: 'probation', joinBy: w.today }],
      relationships: [{ relationship: 'Weekly contact with the youth club', keptByAgency: 'youth_club', until: w.today }],
    }),
  },
  {
    name: 'delete the case after retention',
    method: 'POST',
    pattern: '/api/v1/retention/cases-due/:caseId/deletion',
    act: 'retention.delete',
    body: () => ({ confirmReference: 'BRI-2026-0001' }),
    // An open case is not past retention: the administrator is told so.
    tolerate: ['rule_violation'],
  },
  // The case under test is statutory: an allowed person is told it is not a consultation (422).
  {
    name: 'record a consultation meeting',
    method: 'POST',
    pattern: `${C}/consultation/meetings`,
    act: 'consultation.advise',
    body: (w) => ({ heldOn: w.today, ecmTeamIds: ['ecm-sam'], advice: 'Same worker, same place.', nextSteps: 'Follow up in six weeks.', followUpOn: null }),
    tolerate: ['rule_violation'],
  },
  {
    name: 'identify a consultation with agreement',
    method: 'POST',
    pattern: `${C}/consultation/identification`,
    act: 'consultation.record',
    ifMatch: 'case',
    body: (w) => ({
      sharingAgreement: { agreedBy: 'The young person and his mother', date: w.today, method: 'in_person' },
      childName: 'Jordan Consulted',
      childDateOfBirth: '2012-04-01',
    }),
    tolerate: ['rule_violation'],
  },
  {
    name: 'make a consultation a full case',
    method: 'POST',
    pattern: `${C}/consultation/full-case`,
    act: 'consultation.record',
    ifMatch: 'case',
    body: () => ({ orderStart: '2026-10-01', orderEnd: '2027-10-01' }),
    tolerate: ['rule_violation'],
  },
  {
    name: 'withdraw an agreement',
    method: 'POST',
    pattern: `${C}/agreements/withdrawals`,
    act: 'agreement.record',
    body: () => ({ party: 'parent_carer', date: '2026-11-26', method: 'phone' }),
  },
  {
    name: 'change the legal status',
    method: 'PUT',
    pattern: `${C}/legal-status`,
    act: 'case.legalStatus',
    ifMatch: 'case',
    body: () => ({ legalStatus: 'care_order', parentalResponsibility: 'Mother; the local authority under the care order' }),
  },
  { name: 'read where the case may be transferred', method: 'GET', pattern: `${C}/transfer`, act: 'case.transfer' },
  {
    name: 'transfer the case',
    method: 'POST',
    pattern: `${C}/transfer`,
    act: 'case.transfer',
    ifMatch: 'case',
    // To the service it is in: those allowed are told so in the form's words, and the case stays
    // where the routes after this one expect it.
    body: () => ({ toServiceId: 'BRI' }),
    tolerate: ['validation_failed'],
  },
  // The child's copy of their record: started, listed, followed and fetched by its starter (the
  // outbox does not run here, so the zip is not built yet: a conflict, not a refusal).
  {
    name: "start an export of the child's record",
    method: 'POST',
    pattern: `${C}/record-exports`,
    act: 'record.export',
    body: () => ({ requestedFor: 'young_person' }),
  },
  { name: "list the exports of the child's record", method: 'GET', pattern: `${C}/record-exports`, act: 'record.export' },
  { name: 'follow an export', method: 'GET', pattern: `${C}/record-exports/:exportId`, act: 'record.export' },
  {
    name: 'download an export',
    method: 'GET',
    pattern: `${C}/record-exports/:exportId/download`,
    act: 'record.export',
    tolerate: ['conflict'],
  },
  { name: 'close the case', method: 'POST', pattern: `${C}/closure`, act: 'case.close', ifMatch: 'case', body: () => ({ reason: 'completed' }) },
  // Last: it changes the invited partner's place on the case.
  {
    name: 'accept the information-sharing terms',
    method: 'POST',
    pattern: `${C}/terms-acceptance`,
    act: 'terms.accept',
    body: () => ({ termsVersion: TERMS_VERSION }),
  },
];

/** An export id that names no export: for those who could not start one. */
const NO_EXPORT = '00000000-0000-4000-8000-000000000000';

/** The route's address in a world; ids given override the world's (forged ids). */
export const pathFor = (
  route: CaseRoute,
  w: CaseWorld,
  ids: { caseId?: string; entryId?: string; meetingId?: string; actionId?: string; questionId?: string } = {},
) =>
  route.pattern
    .replace(':questionId', ids.questionId ?? (route.question === 'own' ? (w.questions.own ?? '') : w.questions.others))
    .replace(':actionId', ids.actionId ?? (route.action === 'own' ? (w.actions.own ?? '') : w.actions.others))
    .replace(':caseId', ids.caseId ?? w.caseId)
    .replace(':entryId', ids.entryId ?? (route.entry === 'own' ? (w.entries.own ?? '') : w.entries.others))
    .replace(':meetingId', ids.meetingId ?? w.meetings[route.meeting ?? 'upcoming'])
    .replace(':exportId', w.exportId ?? NO_EXPORT)
    .replace(':number', '1')
    // Every kind of summary takes the same way through the policy; the court's stands for both.
    .replace(':kind', 'court') + (route.query ? `?${route.query}` : '');

export interface ServiceRoute {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  pattern: string;
  act: ServiceAct;
  serviceId: string | null;
  body?: () => unknown;
}

const S = '/api/v1/services/:serviceId';
const both = (r: Omit<ServiceRoute, 'serviceId' | 'name'> & { name: string }): ServiceRoute[] =>
  ['BRI', 'NSO'].map((serviceId) => ({ ...r, name: `${r.name} (${serviceId})`, serviceId }));

export const SERVICE_ROUTES: ServiceRoute[] = [
  { name: 'who am I', method: 'GET', pattern: '/api/v1/me', act: 'me.read', serviceId: null },
  { name: 'find people to invite', method: 'GET', pattern: '/api/v1/people', act: 'people.search', serviceId: null },
  { name: 'list my caseload', method: 'GET', pattern: '/api/v1/cases', act: 'caseload.read', serviceId: null },
  { name: 'list my actions', method: 'GET', pattern: '/api/v1/me/actions', act: 'me.read', serviceId: null },
  ...['BRI', 'NSO'].map((serviceId): ServiceRoute => ({
    name: `refer a case (${serviceId})`,
    method: 'POST',
    pattern: '/api/v1/cases',
    act: 'case.refer',
    serviceId,
    body: () => referral({ serviceId }),
  })),
  ...['BRI', 'NSO'].map((serviceId): ServiceRoute => ({
    name: `ask for a consultation (${serviceId})`,
    method: 'POST',
    pattern: '/api/v1/consultations',
    act: 'case.refer',
    serviceId,
    body: () => consultationRequest({ serviceId }),
  })),
  ...both({ name: 'export the outcomes', method: 'GET', pattern: `${S}/outcomes.csv`, act: 'outcomes.export' }),
  { name: 'read the evaluation across the services', method: 'GET', pattern: '/api/v1/evaluation', act: 'evaluation.read', serviceId: null },
  { name: 'export the pseudonymised evaluation', method: 'GET', pattern: '/api/v1/evaluation/export', act: 'evaluation.export', serviceId: null },
  ...both({ name: 'read the retention periods', method: 'GET', pattern: `${S}/retention`, act: 'retention.read' }),
  ...both({
    name: 'set the retention periods',
    method: 'PUT',
    pattern: `${S}/retention`,
    act: 'retention.configure',
    body: () => ({ statutoryYears: 7, consultationYears: 3 }),
  }),
  ...both({ name: 'read who must agree', method: 'GET', pattern: `${S}/agreement-rules`, act: 'agreementRules.read' }),
  ...both({ name: 'change who must agree', method: 'PUT', pattern: `${S}/agreement-rules`, act: 'agreementRules.configure', body: () => [] }),
  { name: 'review the cases past retention', method: 'GET', pattern: '/api/v1/retention/cases-due', act: 'retention.review', serviceId: null },
  ...both({ name: "read the service's dashboard", method: 'GET', pattern: `${S}/dashboard`, act: 'dashboard.read' }),
  ...both({ name: "page through a list of the service's dashboard", method: 'GET', pattern: `${S}/dashboard/:list`, act: 'dashboard.read' }),
  ...both({ name: "list the service's undelivered jobs", method: 'GET', pattern: `${S}/undelivered`, act: 'dashboard.read' }),
  ...both({ name: "retry the service's blocked deliveries", method: 'POST', pattern: `${S}/undelivered/retry`, act: 'deliveries.retry', body: () => ({}) }),
  ...both({ name: "list the service's library", method: 'GET', pattern: `${S}/library`, act: 'library.read' }),
];

/** Routes that carry no case and no service: public pages, health, and the local sign-in itself. */
export const OUTSIDE_THE_MATRIX = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/dev/accounts',
  'POST /api/v1/dev/sign-in',
  // Anyone signed in ends their own session, and no one else's (tests/http/signOut.test.ts).
  'POST /api/v1/sessions/current/revocation',
  'GET /privacy',
  'GET /terms',
  'GET /support',
  'GET /legal.css',
  // The bot's endpoint: the Bot Framework authenticates each activity itself (tests/bot/endpoint.test.ts).
  'POST /api/messages/',
  // The tab's static files: no data, only the page that then calls the API.
  'GET /tab/',
];

/** Every route the server mounts, as `METHOD /path`, read from the express app itself. */
export function mountedRoutes(app: unknown): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] }; rawPath?: string };
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const l of stack) {
      if (l.route) for (const m of Object.keys(l.route.methods)) out.push(`${m.toUpperCase()} ${prefix}${l.route.path}`);
      else if (l.handle?.stack) walk(l.handle.stack, prefix + (l.rawPath && l.rawPath !== '/' ? l.rawPath : ''));
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
