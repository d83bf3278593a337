import { describe, expect, it } from 'vitest';
import {
  assertMayAcceptTerms,
  assertMayHoldCase,
  assertMayJoinTeam,
  caseRoleFor,
  hasAcceptedCurrentTerms,
  invitationExpired,
  mayBeInvitedAgain,
  mustAcceptTerms,
  TERMS_VERSION,
} from '../../src/domain/team.js';

const staff = (role: Parameters<typeof caseRoleFor>[0]['role'], serviceIds: string[] = ['BRI']) => ({ role, serviceIds });

describe('who joins a case team, and as what', () => {
  it('a professional from another agency joins only as a partner, and may join a case of any service', () => {
    expect(() => assertMayJoinTeam(staff('partner', []), 'partner', 'NSO')).not.toThrow();
    expect(() => assertMayJoinTeam(staff('partner', []), 'case_holder', 'BRI')).toThrow(/join as partners/);
  });
  it('staff of the service join in their own role, and never as partners', () => {
    expect(() => assertMayJoinTeam(staff('psychologist'), 'psychologist', 'BRI')).not.toThrow();
    expect(() => assertMayJoinTeam(staff('yjs_practitioner'), 'partner', 'BRI')).toThrow(/join as partners/);
  });
  it('staff of another service are invited as partners if at all', () => {
    expect(() => assertMayJoinTeam(staff('yjs_practitioner', ['NSO']), 'case_holder', 'BRI')).toThrow(/does not work in this case’s service/);
  });
  it('an administrator never joins, having no business with case content', () => {
    expect(() => assertMayJoinTeam(staff('administrator', []), 'case_holder', 'BRI')).toThrow(/Administrators/);
  });
  it('the part each role plays', () => {
    expect([caseRoleFor({ role: 'yjs_practitioner' }), caseRoleFor({ role: 'ecm_practitioner' }), caseRoleFor({ role: 'partner' })]).toEqual([
      'case_holder',
      'ecm_practitioner',
      'partner',
    ]);
  });
});

describe('the case holder', () => {
  it('is a member of staff of the referring service', () => {
    expect(() => assertMayHoldCase(staff('yjs_practitioner'), 'BRI')).not.toThrow();
    expect(() => assertMayHoldCase(staff('yjs_practitioner'), 'NSO')).toThrow(/case holder/);
    expect(() => assertMayHoldCase(staff('partner', []), 'BRI')).toThrow(/case holder/);
  });
});

describe('an invitation to the case team', () => {
  const invited = { caseRole: 'partner' as const, invitationExpiresAt: '2026-12-27T10:00:00.000Z', termsAcceptedAt: null };
  it('stands until the day it expires, and lapses then if the terms were not accepted', () => {
    expect(invitationExpired(invited, '2026-12-27T09:59:59.999Z')).toBe(false);
    expect(invitationExpired(invited, '2026-12-27T10:00:00.000Z')).toBe(true);
  });
  it('does not lapse once taken up: a partner who accepted the terms is on the team', () => {
    expect(invitationExpired({ ...invited, termsAcceptedAt: '2026-12-01T10:00:00.000Z' }, '2027-06-01T10:00:00.000Z')).toBe(false);
  });
  it('can be sent again only to a partner whose invitation lapsed untaken', () => {
    const later = '2027-01-10T10:00:00.000Z';
    expect(mayBeInvitedAgain(invited, later)).toBe(true);
    expect(mayBeInvitedAgain(invited, '2026-12-01T10:00:00.000Z')).toBe(false);
    expect(mayBeInvitedAgain({ ...invited, termsAcceptedAt: '2026-12-01T10:00:00.000Z' }, later)).toBe(false);
    expect(mayBeInvitedAgain({ ...invited, caseRole: 'psychologist' }, later)).toBe(false);
  });
});

describe('the information-sharing terms', () => {
  const partner = { caseRole: 'partner' as const, invitationExpiresAt: '2026-12-27T10:00:00.000Z', termsAcceptedAt: null, termsVersion: null };
  const acceptedOn = '2026-12-01T10:00:00.000Z';
  it('a partner accepts the terms in force, not the ones they read before they changed', () => {
    expect(() => assertMayAcceptTerms(partner, TERMS_VERSION, '2026-12-01T10:00:00.000Z')).not.toThrow();
    expect(() => assertMayAcceptTerms(partner, '2020-1', '2026-12-01T10:00:00.000Z')).toThrow(/terms have changed/);
  });
  it('a partner cannot accept once the invitation has lapsed', () => {
    expect(() => assertMayAcceptTerms(partner, TERMS_VERSION, '2027-01-10T10:00:00.000Z')).toThrow(/expired/);
  });
  it('a partner who accepted earlier terms must accept the current ones, and may do so after the invitation’s date', () => {
    const earlier = { ...partner, termsAcceptedAt: acceptedOn, termsVersion: '2020-1' };
    expect(hasAcceptedCurrentTerms(earlier)).toBe(false);
    expect(mustAcceptTerms(earlier)).toBe(true);
    expect(() => assertMayAcceptTerms(earlier, TERMS_VERSION, '2027-06-01T10:00:00.000Z')).not.toThrow();
  });
  it('only partners accept terms; staff of the service are bound by their employment', () => {
    expect(mustAcceptTerms({ ...partner, termsAcceptedAt: acceptedOn, termsVersion: TERMS_VERSION })).toBe(false);
    expect(mustAcceptTerms({ ...partner, caseRole: 'psychologist' })).toBe(false);
  });
});
