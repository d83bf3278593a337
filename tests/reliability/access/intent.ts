import type { CaseEventType } from '../../../src/domain/caseEvents.js';
import type { Role } from '../../../src/domain/staff.js';

/**
 * Who may do what, written out again from DESIGN.md §2 and the practice — not derived from
 * src/domain/policy.ts — so that the access suite compares the running system with the intent
 * rather than with itself.
 */
export const CASE_ACTS = [
  'case.read',
  'case.close',
  'case.legalStatus',
  'agreement.read',
  'agreement.record',
  'team.read',
  'team.invite',
  'terms.accept',
  'timeline.read',
  'timeline.add',
  'timeline.edit.own',
  'timeline.edit.others',
  'timeline.retract.own',
  'timeline.retract.others',
  'timeline.restrict.own',
  'timeline.restrict.others',
  'timeline.ask',
  'timeline.answer.own',
  'timeline.answer.others',
  'formulation.read',
  'formulation.write',
  'formulation.approve',
  'trm.read',
  'trm.record',
  'meeting.read',
  'meeting.schedule',
  'meeting.respond',
  'meeting.recordOutcome',
  'documents.read',
  'actions.read',
  'action.update.own',
  'action.update.others',
  'action.assign',
  'transition.read',
  'transition.write',
  'consultation.advise',
  'consultation.record',
  'summary.read',
  'summary.write',
  'summary.approve',
  'case.transfer',
  'record.export',
] as const;
export type CaseAct = (typeof CASE_ACTS)[number];

export type ServiceAct =
  | 'caseload.read'
  | 'case.refer'
  | 'outcomes.export'
  | 'evaluation.read'
  | 'evaluation.export'
  | 'retention.read'
  | 'retention.configure'
  | 'agreementRules.read'
  | 'agreementRules.configure'
  | 'retention.review'
  | 'retention.delete'
  | 'people.search'
  | 'dashboard.read'
  | 'library.read'
  | 'deliveries.retry'
  | 'me.read';

export type Expected = 'allowed' | 'not_found' | 'forbidden' | 'terms_required';

/** A person and where they stand towards the case under test (a case of Bristol, BRI). */
export interface Subject {
  label: string;
  staffId: string;
  role: Role;
  services: string[];
  /** Their place on the case team: none, a member, or (partners) invited or having accepted the terms. */
  team: 'none' | 'member' | 'invited' | 'accepted';
}

export const CASE_SERVICE = 'BRI';

/** Reading the record of a case: what a manager may do, and the first thing anyone on it does. */
const READING: CaseAct[] = [
  'case.read',
  'agreement.read',
  'team.read',
  'timeline.read',
  'formulation.read',
  'trm.read',
  'meeting.read',
  'documents.read',
  'actions.read',
  // Moving on to adult services concerns everyone around the young person.
  'transition.read',
  'summary.read',
];

/** A partner who accepted the terms contributes facts to the timeline and takes part in meetings. */
const CONTRIBUTING: CaseAct[] = [
  'case.read',
  'team.read',
  'timeline.read',
  'timeline.add',
  'timeline.edit.own',
  'timeline.retract.own',
  // A contributor may keep their own entry's text to the ECM team, the psychologist and their agency.
  'timeline.restrict.own',
  // A question put to their own agency about a stage of the child's life: answered with entries or "nothing held".
  'timeline.answer.own',
  'formulation.read',
  'trm.read',
  'meeting.read',
  'meeting.respond',
  // Each owner of an action of the plan says how it is going; only the ECM team reassigns.
  'actions.read',
  'action.update.own',
  'transition.read',
];

/**
 * The YJS case holder contributes too, records agreement, reads the case documents, and records a
 * child coming into or leaving care (and who then holds parental responsibility); they carry a
 * consultation they asked for forward (identified with agreement, a full case on an order), while
 * the consultation meeting's advice is the ECM team's. They write the transition plan too: they
 * know the adult services the young person moves on to.
 */
const HOLDING: CaseAct[] = [
  ...CONTRIBUTING,
  'agreement.read',
  'agreement.record',
  'documents.read',
  'case.legalStatus',
  'consultation.record',
  'transition.write',
  'summary.read',
  // They know which agencies should hold what: they turn a missing piece of the jigsaw into a question.
  'timeline.ask',
];

/**
 * The ECM team runs the case: everything but approving the formulation and the summaries for a
 * court and adult services (psychologists) and the partners' terms.
 */
const RUNNING: CaseAct[] = [
  'case.read',
  'case.close',
  'case.legalStatus',
  'agreement.read',
  'agreement.record',
  'team.read',
  'team.invite',
  'timeline.read',
  'timeline.add',
  'timeline.edit.own',
  'timeline.edit.others',
  'timeline.retract.own',
  'timeline.retract.others',
  'timeline.restrict.own',
  'timeline.restrict.others',
  // The chair of the meeting asks; nobody answers for another agency, the ECM team included.
  'timeline.ask',
  'timeline.answer.own',
  'formulation.read',
  'formulation.write',
  'trm.read',
  'trm.record',
  'meeting.read',
  'meeting.schedule',
  'meeting.respond',
  'meeting.recordOutcome',
  'documents.read',
  'actions.read',
  'action.update.own',
  'action.update.others',
  'action.assign',
  'transition.read',
  'transition.write',
  'consultation.advise',
  'consultation.record',
  'summary.read',
  'summary.write',
  // Moving a case between the services they serve (where to: docs/transfers.md).
  'case.transfer',
];

/** What the person may do on a case of `serviceId` where their place on the team is `s.team`. */
export function expectedOnCase(s: Subject, act: CaseAct, serviceId = CASE_SERVICE): Expected {
  const serves = s.services.includes(serviceId);
  const may = (acts: CaseAct[]): Expected => (acts.includes(act) ? 'allowed' : 'forbidden');
  switch (s.role) {
    // Administrators set services up and see no case content: a case is not there for them — but for
    // answering a request for the child's record, in a service their staff record names.
    case 'administrator':
      return act === 'record.export' && serves ? 'allowed' : 'not_found';
    // A service never sees another service's cases.
    case 'ecm_practitioner':
      return serves ? may(RUNNING) : 'not_found';
    case 'psychologist':
      return serves ? may([...RUNNING, 'formulation.approve', 'summary.approve']) : 'not_found';
    case 'manager':
      // Managers read, record a child coming into or leaving care (the service knows it first), and
      // write the transition plan that hands the young person on to adult services, and move a case
      // of their service to another when the family moves.
      // They also answer a request for the child's record: the export is the service's to release.
      return serves ? may([...READING, 'case.legalStatus', 'transition.write', 'case.transfer', 'record.export']) : 'not_found';
    // A YJS practitioner works on the cases of their service where they are on the team.
    case 'yjs_practitioner':
      return serves && s.team === 'member' ? may(HOLDING) : 'not_found';
    // Partners: only cases they are invited to, only after accepting the information-sharing terms.
    case 'partner':
      if (s.team === 'none' || s.team === 'member') return 'not_found';
      if (s.team === 'invited') return act === 'terms.accept' || act === 'case.read' ? 'allowed' : 'terms_required';
      // Accepting again is answered "already accepted" (200) and changes nothing.
      return may([...CONTRIBUTING, 'terms.accept']);
  }
}

export function expectedOnService(s: Subject, act: ServiceAct, serviceId: string | null): Expected {
  const serves = serviceId !== null && s.services.includes(serviceId);
  const yes = (b: boolean): Expected => (b ? 'allowed' : 'forbidden');
  switch (act) {
    case 'me.read':
    case 'caseload.read':
      return 'allowed';
    case 'case.refer':
      return yes(serves && ['ecm_practitioner', 'psychologist', 'yjs_practitioner'].includes(s.role));
    case 'outcomes.export':
      return yes(serves && s.role === 'manager');
    // The evaluation across the services: the ECM team's, who work across them all; it names no child.
    case 'evaluation.read':
    case 'evaluation.export':
      return yes(s.role === 'ecm_practitioner' || s.role === 'psychologist');
    case 'retention.read':
    case 'agreementRules.read':
      // Retention periods are set-up, not case data: whoever works in the service reads them, and
      // partners, who may be invited to a case of any service.
      return yes(s.role === 'administrator' || s.role === 'partner' || serves);
    case 'retention.configure':
    case 'agreementRules.configure':
    case 'retention.review':
    case 'retention.delete':
      return yes(s.role === 'administrator');
    case 'people.search':
      return yes(s.role === 'ecm_practitioner' || s.role === 'psychologist');
    // Oversight of a service: its managers and the ECM team who serve it; never partners or the YJS case holders.
    case 'dashboard.read':
    case 'library.read':
      return yes(serves && ['ecm_practitioner', 'psychologist', 'manager'].includes(s.role));
    // Trying stuck deliveries again after a fix: the service's manager, or an administrator of any service.
    case 'deliveries.retry':
      return yes(s.role === 'administrator' || (serves && s.role === 'manager'));
  }
}

/** Which cases a caseload lists for the person. */
export function seesInCaseload(s: Subject, c: { serviceId: string; members: Set<string> }): boolean {
  switch (s.role) {
    case 'administrator':
      return false;
    case 'ecm_practitioner':
    case 'psychologist':
    case 'manager':
      return s.services.includes(c.serviceId);
    case 'yjs_practitioner':
      return s.services.includes(c.serviceId) && c.members.has(s.staffId);
    case 'partner':
      return c.members.has(s.staffId);
  }
}

/** What a watcher of the case must be allowed to read to be told of each event: the record it carries. */
export const HEARD_WITH: Record<CaseEventType, CaseAct> = {
  'case.updated': 'case.read',
  'agreement.recorded': 'agreement.read',
  'team.changed': 'team.read',
  'team.unreachable': 'team.read',
  'timeline.added': 'timeline.read',
  'timeline.edited': 'timeline.read',
  'timeline.retracted': 'timeline.read',
  'question.asked': 'timeline.read',
  'question.answered': 'timeline.read',
  'formulation.saved': 'formulation.read',
  'formulation.approved': 'formulation.read',
  'trm.recorded': 'trm.read',
  'meeting.scheduled': 'meeting.read',
  'meeting.updated': 'meeting.read',
  'action.changed': 'actions.read',
  'transition.changed': 'transition.read',
  'summary.saved': 'summary.read',
  'summary.approved': 'summary.read',
  'document.queued': 'documents.read',
  'document.delivered': 'documents.read',
};
