import { describe, expect, it } from 'vitest';
import { assertMayHoldCase, assertMayJoinTeam, caseRoleFor } from '../../src/domain/team.js';

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
