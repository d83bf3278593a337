import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS,
  type CaseAction,
  type CaseAccessContext,
  decideOnCase,
  decideOnCaseEvent,
  decideOnRole,
  decideOnService,
  SERVICE_ACTIONS,
  type ServiceAction,
} from '../../src/domain/policy.js';
import { CASE_EVENT_TYPES } from '../../src/domain/caseEvents.js';
import { type Principal, ROLES, type Role } from '../../src/domain/staff.js';
// The one oracle of who is told of what, written out by hand apart from the policy (the reliability suite holds it).
import { HEARD_WITH } from '../reliability/access/intent.js';

/**
 * The whole access matrix, written out by hand from DESIGN.md §2 rather than derived from the
 * policy, so that a change to the policy must be a change to this table too.
 */
const person = (role: Role): Principal => ({
  staffId: `${role}-1`,
  name: role,
  role,
  serviceIds: role === 'partner' || role === 'administrator' ? [] : ['BRI'],
  agency: 'youth_justice',
});

type Place = 'own service, on team' | 'own service, off team' | 'other service, on team' | 'other service, off team';
const PLACES: Place[] = ['own service, on team', 'own service, off team', 'other service, on team', 'other service, off team'];

const contextFor = (place: Place, ownsEntry: boolean, termsAccepted = true, needsTerms = false): CaseAccessContext => ({
  serviceId: place.startsWith('own') ? 'BRI' : 'NSO',
  membership: place.endsWith('on team') ? { termsAccepted, needsTerms } : null,
  ownsEntry,
  // "Own" is also a question put to the person's own agency.
  forOwnAgency: ownsEntry,
});

const READS: CaseAction[] = [
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
  'summary.read',
];
const CONTRIBUTE: CaseAction[] = [
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
];
// "Own" is the entry they added, the action they own, or the question put to their agency.
const OWN_ENTRY: CaseAction[] = ['timeline.edit', 'timeline.retract', 'timeline.restrict', 'action.update', 'timeline.answer'];
// Nobody answers a question put to another agency, the ECM team included.
const ownAgencyOnly = (allowed: CaseAction[], ownsEntry: boolean) => (ownsEntry ? allowed : allowed.filter((a) => a !== 'timeline.answer'));
const except = (...excluded: CaseAction[]) => CASE_ACTIONS.filter((a) => !excluded.includes(a));

/** For each role and place: the actions allowed (for one's own entries, and for others'), and how the rest are refused. */
function expected(role: Role, place: Place, ownsEntry: boolean): { allowed: CaseAction[]; refusal: 'not_found' | 'forbidden' } {
  const own = place.startsWith('own');
  const onTeam = place.endsWith('on team');
  switch (role) {
    case 'ecm_practitioner':
      return own
        ? { allowed: ownAgencyOnly(except('formulation.approve', 'summary.approve', 'terms.accept', 'record.export'), ownsEntry), refusal: 'forbidden' }
        : { allowed: [], refusal: 'not_found' };
    case 'psychologist':
      return own ? { allowed: ownAgencyOnly(except('terms.accept', 'record.export'), ownsEntry), refusal: 'forbidden' } : { allowed: [], refusal: 'not_found' };
    case 'yjs_practitioner': {
      if (!own || !onTeam) return { allowed: [], refusal: 'not_found' };
      // The case holder carries their consultation forward (its advice is the ECM team's) and writes the transition plan.
      const all = [
        ...CONTRIBUTE,
        'agreement.read',
        'agreement.record',
        'documents.read',
        'case.legalStatus',
        'consultation.read',
        'consultation.record',
        'transition.write',
        'summary.read',
        // The case holder knows which agency should hold what: they put missing pieces as questions.
        'timeline.ask',
      ] as CaseAction[];
      return { allowed: ownsEntry ? all : all.filter((a) => !OWN_ENTRY.includes(a)), refusal: 'forbidden' };
    }
    case 'manager':
      // A manager reads (consultations too), records a child coming into or leaving care, writes the transition plan, and moves a case out of their service.
      return own
        ? { allowed: [...READS, 'consultation.read', 'case.legalStatus', 'transition.write', 'case.transfer', 'record.export'], refusal: 'forbidden' }
        : { allowed: [], refusal: 'not_found' };
    case 'partner':
      if (!onTeam) return { allowed: [], refusal: 'not_found' };
      // Accepting the terms again is not refused: the use case answers "already accepted".
      return { allowed: [...(ownsEntry ? CONTRIBUTE : CONTRIBUTE.filter((a) => !OWN_ENTRY.includes(a))), 'terms.accept'], refusal: 'forbidden' };
    case 'administrator':
      return { allowed: [], refusal: 'not_found' };
  }
}

describe('the access matrix: role × action × own/other service × on/off the team', () => {
  for (const role of ROLES) {
    for (const place of PLACES) {
      for (const ownsEntry of [true, false]) {
        it(`${role}, ${place}${ownsEntry ? ', own entry' : ''}`, () => {
          // Partners here have accepted the terms; the terms are tested on their own below.
          const ctx = contextFor(place, ownsEntry, true, role === 'partner');
          const want = expected(role, place, ownsEntry);
          for (const action of CASE_ACTIONS) {
            const decision = decideOnCase(person(role), action, ctx);
            if (want.allowed.includes(action)) expect(decision, action).toEqual({ allowed: true });
            else expect(decision, action).toEqual({ allowed: false, reason: want.refusal });
          }
        });
      }
    }
  }
});

describe("the child's copy of their record", () => {
  const administratorOf = (serviceIds: string[]): Principal => ({ ...person('administrator'), serviceIds });
  it('an administrator whose staff record names the service may start an export of its case, and nothing else of it', () => {
    const own = contextFor('own service, off team', false);
    expect(decideOnCase(administratorOf(['BRI']), 'record.export', own)).toEqual({ allowed: true });
    for (const action of CASE_ACTIONS.filter((a) => a !== 'record.export'))
      expect(decideOnCase(administratorOf(['BRI']), action, own), action).toEqual({ allowed: false, reason: 'not_found' });
  });
  it('an administrator of another service, or of none, does not learn the case exists', () => {
    expect(decideOnCase(administratorOf(['NSO']), 'record.export', contextFor('own service, off team', false))).toEqual({
      allowed: false,
      reason: 'not_found',
    });
    expect(decideOnCase(administratorOf([]), 'record.export', contextFor('own service, off team', false))).toEqual({ allowed: false, reason: 'not_found' });
  });
});

describe('partners and the information-sharing terms', () => {
  const partner = person('partner');
  const invited = contextFor('other service, on team', true, false, true);

  it('a partner cannot see the timeline before accepting the terms', () => {
    expect(decideOnCase(partner, 'timeline.read', invited)).toEqual({ allowed: false, reason: 'terms_required' });
    expect(decideOnCase(partner, 'case.read', invited)).toEqual({ allowed: false, reason: 'terms_required' });
  });
  it('an invited partner may accept the terms, and pressing accept again is not refused (the use case answers "already accepted")', () => {
    expect(decideOnCase(partner, 'terms.accept', invited)).toEqual({ allowed: true });
    expect(decideOnCase(partner, 'terms.accept', contextFor('other service, on team', true, true, true))).toEqual({ allowed: true });
  });
  it('after accepting, a partner contributes to the timeline but never sees agreements or changes the formulation', () => {
    const accepted = contextFor('other service, on team', true, true, true);
    expect(decideOnCase(partner, 'timeline.add', accepted)).toEqual({ allowed: true });
    expect(decideOnCase(partner, 'agreement.read', accepted)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decideOnCase(partner, 'formulation.write', accepted)).toEqual({ allowed: false, reason: 'forbidden' });
  });
  it('a partner updates an action they own, but not another’s, and never reassigns one', () => {
    const accepted = (owns: boolean) => contextFor('other service, on team', owns, true, true);
    expect(decideOnCase(partner, 'actions.read', accepted(false))).toEqual({ allowed: true });
    expect(decideOnCase(partner, 'action.update', accepted(true))).toEqual({ allowed: true });
    expect(decideOnCase(partner, 'action.update', accepted(false))).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decideOnCase(partner, 'action.assign', accepted(true))).toEqual({ allowed: false, reason: 'forbidden' });
  });
  it('a partner who was never invited learns nothing of the case', () => {
    for (const action of CASE_ACTIONS)
      expect(decideOnCase(partner, action, contextFor('own service, off team', true))).toEqual({ allowed: false, reason: 'not_found' });
  });
});

describe('who is told of what happens on a case', () => {
  it('every event is heard by exactly those who may read what it carries', () => {
    for (const role of ROLES) {
      for (const place of PLACES) {
        for (const [termsAccepted, needsTerms] of [
          [true, role === 'partner'],
          [false, role === 'partner'],
        ] as const) {
          const ctx = contextFor(place, false, termsAccepted, needsTerms);
          for (const type of CASE_EVENT_TYPES) {
            expect(decideOnCaseEvent(person(role), type, ctx), `${role}, ${place}, ${type}`).toEqual(
              decideOnCase(person(role), HEARD_WITH[type] as CaseAction, ctx),
            );
          }
        }
      }
    }
  });

  it('a partner who has accepted the terms hears nothing of the agreements or the case documents', () => {
    const accepted = contextFor('other service, on team', false, true, true);
    for (const type of ['agreement.recorded', 'document.queued', 'document.delivered'] as const)
      expect(decideOnCaseEvent(person('partner'), type, accepted)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decideOnCaseEvent(person('partner'), 'timeline.added', accepted)).toEqual({ allowed: true });
  });

  it('a partner who has not accepted the terms hears nothing at all', () => {
    const invited = contextFor('other service, on team', false, false, true);
    for (const type of CASE_EVENT_TYPES) expect(decideOnCaseEvent(person('partner'), type, invited).allowed, type).toBe(false);
  });

  it('an ECM practitioner of the service hears everything', () => {
    for (const type of CASE_EVENT_TYPES)
      expect(decideOnCaseEvent(person('ecm_practitioner'), type, contextFor('own service, off team', false)), type).toEqual({ allowed: true });
  });
});

describe('actions on a service as a whole', () => {
  const table: Record<Role, ServiceAction[]> = {
    ecm_practitioner: [
      'case.refer',
      'caseload.read',
      'dashboard.read',
      'library.read',
      'service.read',
      'people.search',
      'evaluation.read',
      'evaluation.export',
    ],
    psychologist: ['case.refer', 'caseload.read', 'dashboard.read', 'library.read', 'service.read', 'people.search', 'evaluation.read', 'evaluation.export'],
    yjs_practitioner: ['case.refer', 'caseload.read', 'service.read'],
    manager: ['caseload.read', 'dashboard.read', 'library.read', 'outcomes.export', 'service.read', 'deliveries.retry'],
    partner: ['caseload.read', 'service.read'],
    administrator: ['service.configure', 'service.read', 'retention.review', 'retention.delete', 'deliveries.retry'],
  };
  for (const role of ROLES) {
    it(`${role}: in their own service, and never in another`, () => {
      for (const action of SERVICE_ACTIONS) {
        expect(decideOnService(person(role), action, 'BRI').allowed, action).toBe(table[role].includes(action));
        const elsewhere = decideOnService(person(role), action, 'NSO').allowed;
        // Partners have no service of their own and administrators configure every service.
        const expectedElsewhere =
          role === 'administrator' ? table[role].includes(action) : role === 'partner' ? ['caseload.read', 'service.read'].includes(action) : false;
        expect(elsewhere, `${action} elsewhere`).toBe(expectedElsewhere);
      }
    });
  }
  it('a role that may not do something in any service is refused before any id is looked up', () => {
    for (const role of ROLES) {
      for (const action of SERVICE_ACTIONS) expect(decideOnRole(person(role), action).allowed, `${role} ${action}`).toBe(table[role].includes(action));
    }
  });
});
