import type { CaseEventType } from './caseEvents.js';
import type { Principal, Role } from './staff.js';

/**
 * Every decision about access, in one place (DESIGN.md §2). Use cases ask; nothing else decides.
 *
 * A refusal says how to answer: `not_found` when the person must not learn the case exists (another
 * service, not on the team), `forbidden` when they may see it but not do this, `terms_required`
 * when a partner has been invited but has not yet accepted the information-sharing terms.
 */
export const CASE_ACTIONS = [
  'case.read',
  'case.close',
  /** Recording a change of legal status or of who holds parental responsibility. */
  'case.legalStatus',
  'agreement.read',
  'agreement.record',
  'team.read',
  'team.invite',
  'terms.accept',
  'timeline.read',
  'timeline.add',
  'timeline.edit',
  'timeline.retract',
  /**
   * Keeping an entry's text to the ECM team, the psychologist and its agency, or lifting that: the
   * contributor's for their own entries, the ECM team's for any (who reads it: restriction.ts).
   */
  'timeline.restrict',
  /**
   * Turning a missing piece of the jigsaw into a question for an agency: those who run the meeting
   * (the ECM team) and the case holder, who knows which agencies should hold what.
   */
  'timeline.ask',
  /** Answering a question put to one's own agency (with entries, or "nothing held"): see `forOwnAgency`. */
  'timeline.answer',
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
  /** The plan between meetings: its actions, read by the team; each owner updates their own. */
  'actions.read',
  'action.update',
  /** Naming an action's owner and its "by when": the ECM team's, who hold the plan. */
  'action.assign',
  /** Moving on to adult services: the transition plan, read by the team, written by the ECM team, the case holder and managers. */
  'transition.read',
  'transition.write',
  /** A consultation's question, initials and age, and its meetings' advice. */
  'consultation.read',
  /** The consultation meeting with the ECM team: the advice given and the next steps agreed. */
  'consultation.advise',
  /** Identifying a consultation with the family's agreement; making it a full case on a statutory order. */
  'consultation.record',
  /**
   * The summaries for a court and for adult services: read by those who read the case documents,
   * drafted by the ECM team, approved (and so published) by a psychologist.
   */
  'summary.read',
  'summary.write',
  'summary.approve',
  /** Moving the case to another service (where to: decideTransferDestination). */
  'case.transfer',
  /**
   * The child's copy of their record (docs/record-export.md): started by a manager of the case's
   * service, or an administrator whose staff record names the service; fetched by its starter alone.
   */
  'record.export',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const SERVICE_ACTIONS = [
  'case.refer',
  'caseload.read',
  'dashboard.read',
  'library.read',
  'outcomes.export',
  'service.configure',
  'retention.review',
  'retention.delete',
  /** A service's settings (labels, categories, cadence, retention): set-up, not case data. */
  'service.read',
  /** The staff list and the directory, to invite people to a case team. */
  'people.search',
  /** Trying blocked or given-up deliveries again at once, after fixing their cause: no case content. */
  'deliveries.retry',
  /**
   * The evaluation across every service the ECM team serves: its figures, and the pseudonymised
   * export. The ECM team's; a manager keeps the per-service export (`outcomes.export`).
   */
  'evaluation.read',
  'evaluation.export',
] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

export type Refusal = 'not_found' | 'forbidden' | 'terms_required';
export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

/** What the policy needs to know about a case and the person's place on it. */
export interface CaseAccessContext {
  serviceId: string;
  /** The person's membership of the case team, if any. */
  membership: { termsAccepted: boolean; needsTerms: boolean } | null;
  /** For edits and retractions: whether the entry was contributed by this person; for an action, whether they own it. */
  ownsEntry?: boolean;
  /** For answering a question: whether it was put to the agency the person speaks for on this case. */
  forOwnAgency?: boolean;
}

const allow: Decision = { allowed: true };
const refuse = (reason: Refusal): Decision => ({ allowed: false, reason });

const READS: ReadonlySet<CaseAction> = new Set([
  'case.read',
  'agreement.read',
  'team.read',
  'timeline.read',
  'formulation.read',
  'trm.read',
  'meeting.read',
  'documents.read',
  'actions.read',
  'transition.read',
  'consultation.read',
  'summary.read',
]);

/** What a team member who is not on the ECM team does: contribute facts, respond to meetings. */
const CONTRIBUTOR: ReadonlySet<CaseAction> = new Set([
  'case.read',
  'team.read',
  'timeline.read',
  'timeline.add',
  'timeline.edit',
  'timeline.retract',
  'timeline.restrict',
  'timeline.answer',
  'formulation.read',
  'trm.read',
  'meeting.read',
  'meeting.respond',
  'actions.read',
  'action.update',
  'transition.read',
]);

/** YJS case holders also record agreement and see it, read the case documents, carry their consultation forward, write the transition plan, and read the summaries. */
const CASE_HOLDER_EXTRA: ReadonlySet<CaseAction> = new Set([
  'agreement.read',
  'agreement.record',
  'documents.read',
  'case.legalStatus',
  'consultation.read',
  'consultation.record',
  'transition.write',
  'summary.read',
  'timeline.ask',
]);

/**
 * A manager reads, and records a child coming into or leaving care: the YJS knows it first. They
 * also write the transition plan, which joins the YJS to the adult services it hands over to, and
 * move a case of their service to another when the family moves.
 */
const MANAGER: ReadonlySet<CaseAction> = new Set([...READS, 'case.legalStatus', 'transition.write', 'case.transfer', 'record.export']);

/** Answering a request for the whole record is the service's, as the body that holds it: its manager's, not the clinicians'. */
const SERVICE_ONLY: ReadonlySet<CaseAction> = new Set(['record.export']);

const ECM_TEAM: ReadonlySet<CaseAction> = new Set(
  CASE_ACTIONS.filter((a) => a !== 'formulation.approve' && a !== 'summary.approve' && a !== 'terms.accept' && !SERVICE_ONLY.has(a)),
);

// A contributor changes only what is theirs: their own entries, the actions they own.
const OWN_ENTRY_ONLY: ReadonlySet<CaseAction> = new Set(['timeline.edit', 'timeline.retract', 'timeline.restrict', 'action.update']);

const servesCase = (p: Principal, c: CaseAccessContext) => p.serviceIds.includes(c.serviceId);

const ROLE_RULES: Record<Role, (p: Principal, a: CaseAction, c: CaseAccessContext) => Decision> = {
  ecm_practitioner: (p, a, c) => (!servesCase(p, c) ? refuse('not_found') : ECM_TEAM.has(a) ? allow : refuse('forbidden')),

  psychologist: (p, a, c) => (!servesCase(p, c) ? refuse('not_found') : a === 'terms.accept' || SERVICE_ONLY.has(a) ? refuse('forbidden') : allow),

  yjs_practitioner: (p, a, c) => {
    if (!servesCase(p, c) || !c.membership) return refuse('not_found');
    if (!CONTRIBUTOR.has(a) && !CASE_HOLDER_EXTRA.has(a)) return refuse('forbidden');
    if (OWN_ENTRY_ONLY.has(a) && !c.ownsEntry) return refuse('forbidden');
    return allow;
  },

  manager: (p, a, c) => (!servesCase(p, c) ? refuse('not_found') : MANAGER.has(a) ? allow : refuse('forbidden')),

  partner: (_p, a, c) => {
    if (!c.membership) return refuse('not_found');
    // Accepting again is answered "already accepted" by the use case, not refused.
    if (a === 'terms.accept') return allow;
    if (c.membership.needsTerms && !c.membership.termsAccepted) return refuse('terms_required');
    if (!CONTRIBUTOR.has(a)) return refuse('forbidden');
    if (OWN_ENTRY_ONLY.has(a) && !c.ownsEntry) return refuse('forbidden');
    return allow;
  },

  // Administrators set services up and see no case content, with one exception: answering a request
  // for the child's record, for a service their staff record names (one with none names no service).
  administrator: (p, a, c) => (a === 'record.export' && servesCase(p, c) ? allow : refuse('not_found')),
};

export function decideOnCase(p: Principal, action: CaseAction, c: CaseAccessContext): Decision {
  const decision = ROLE_RULES[p.role](p, action, c);
  // A question is answered by the agency it was put to, whoever else may contribute: no one answers for another agency.
  if (decision.allowed && action === 'timeline.answer' && !c.forOwnAgency) return refuse('forbidden');
  return decision;
}

/**
 * Where a person may move a case they may transfer ('case.transfer' already placed the case in one
 * of their services). "A service the person works in" (docs/transfers.md):
 * - the ECM team (practitioners and psychologists) serve several services, listed on their staff
 *   record: they move a case only between services they serve, so it never leaves their own reach;
 * - a manager manages one service: they move a case out of it to any other service, handing it to
 *   that service's staff (the receiving service needs no say in the system: the ECM team and the
 *   two managers agree the move beforehand, as with any transfer of a youth justice case).
 */
export function decideTransferDestination(p: Principal, fromServiceId: string, toServiceId: string): Decision {
  if (fromServiceId === toServiceId) return refuse('forbidden');
  switch (p.role) {
    case 'ecm_practitioner':
    case 'psychologist':
      return p.serviceIds.includes(fromServiceId) && p.serviceIds.includes(toServiceId) ? allow : refuse('forbidden');
    case 'manager':
      return p.serviceIds.includes(fromServiceId) ? allow : refuse('forbidden');
    default:
      return refuse('forbidden');
  }
}

/**
 * What a person must be allowed to read to be told of each case event. An event carries the record
 * that changed, so it goes only to those who may read that record: a partner hears of new timeline
 * entries and meetings, never of agreement or the case documents.
 */
export const CASE_EVENT_READS: Readonly<Record<CaseEventType, CaseAction>> = {
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

/** Whether the person, placed as `c` says towards the case, may be told of an event of this type. */
export function decideOnCaseEvent(p: Principal, type: CaseEventType, c: CaseAccessContext): Decision {
  return decideOnCase(p, CASE_EVENT_READS[type], c);
}

const SERVICE_RULES: Record<Role, ReadonlySet<ServiceAction>> = {
  ecm_practitioner: new Set([
    'case.refer',
    'caseload.read',
    'dashboard.read',
    'library.read',
    'service.read',
    'people.search',
    'evaluation.read',
    'evaluation.export',
  ]),
  psychologist: new Set([
    'case.refer',
    'caseload.read',
    'dashboard.read',
    'library.read',
    'service.read',
    'people.search',
    'evaluation.read',
    'evaluation.export',
  ]),
  yjs_practitioner: new Set(['case.refer', 'caseload.read', 'service.read']),
  manager: new Set(['caseload.read', 'dashboard.read', 'library.read', 'outcomes.export', 'service.read', 'deliveries.retry']),
  partner: new Set(['caseload.read', 'service.read']),
  administrator: new Set(['service.configure', 'service.read', 'retention.review', 'retention.delete', 'deliveries.retry']),
};

/** What a partner may do on any service: they reach cases of any service by invitation alone. */
const ANY_SERVICE_FOR_PARTNERS: ReadonlySet<ServiceAction> = new Set(['caseload.read', 'service.read']);

/**
 * Actions on a service as a whole. Partners have no service; their caseload is only the cases they
 * were invited to, which the caseload query filters by membership.
 */
export function decideOnService(p: Principal, action: ServiceAction, serviceId: string): Decision {
  if (!SERVICE_RULES[p.role].has(action)) return refuse('forbidden');
  if (p.role === 'partner') return ANY_SERVICE_FOR_PARTNERS.has(action) ? allow : refuse('forbidden');
  if (p.role === 'administrator') return allow;
  return p.serviceIds.includes(serviceId) ? allow : refuse('forbidden');
}

/**
 * Whether the role may do this in some service at all. Asked before an id from the request is
 * looked up, so that a refusal is the same whatever the id names: a person who may not delete cases
 * must not learn from the answer that an id is a case.
 */
export function decideOnRole(p: Principal, action: ServiceAction): Decision {
  return SERVICE_RULES[p.role].has(action) ? allow : refuse('forbidden');
}

/** Which cases a caseload shows: everything in the services a person serves, or only their team's. */
export type CaseloadScope = { kind: 'services'; serviceIds: string[] } | { kind: 'team'; serviceIds: string[] | null } | { kind: 'none' };

export function caseloadScope(p: Principal): CaseloadScope {
  switch (p.role) {
    case 'ecm_practitioner':
    case 'psychologist':
    case 'manager':
      return { kind: 'services', serviceIds: p.serviceIds };
    case 'yjs_practitioner':
      return { kind: 'team', serviceIds: p.serviceIds };
    case 'partner':
      return { kind: 'team', serviceIds: null };
    case 'administrator':
      return { kind: 'none' };
  }
}
