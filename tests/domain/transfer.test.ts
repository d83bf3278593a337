import { describe, expect, it } from 'vitest';
import { decideTransferDestination } from '../../src/domain/policy.js';
import { type Principal, ROLES, type Role } from '../../src/domain/staff.js';
import { fileNameAfterTransfer, referenceAfterTransfer } from '../../src/domain/transfer.js';

const person = (role: Role, serviceIds: string[]): Principal => ({ staffId: 'x', name: 'X', role, serviceIds, agency: 'youth_justice' });
const allowed = (p: Principal, from: string, to: string) => decideTransferDestination(p, from, to).allowed;

describe('where a case may be transferred', () => {
  it('the ECM team move a case only between services they serve', () => {
    for (const role of ['ecm_practitioner', 'psychologist'] as const) {
      const zoe = person(role, ['BRI', 'SGL']);
      expect(allowed(zoe, 'BRI', 'SGL')).toBe(true);
      expect(allowed(zoe, 'BRI', 'NSO')).toBe(false);
      expect(allowed(zoe, 'NSO', 'BRI')).toBe(false);
    }
  });

  it('a manager moves a case out of their own service to any other, and never into it from elsewhere', () => {
    const grace = person('manager', ['BRI']);
    expect(allowed(grace, 'BRI', 'NSO')).toBe(true);
    expect(allowed(grace, 'BRI', 'BNE')).toBe(true);
    expect(allowed(grace, 'NSO', 'BRI')).toBe(false);
  });

  it('nobody "moves" a case to the service it is already in, and no other role moves cases', () => {
    for (const role of ROLES) expect(allowed(person(role, ['BRI', 'NSO']), 'BRI', 'BRI'), role).toBe(false);
    for (const role of ['yjs_practitioner', 'partner', 'administrator'] as const) expect(allowed(person(role, ['BRI', 'NSO']), 'BRI', 'NSO'), role).toBe(false);
  });
});

describe('the reference and file names after a transfer', () => {
  it('the case takes the new service’s code and next number, keeping its year of referral', () => {
    expect(referenceAfterTransfer('BRI-2025-0042', 'NSO', 7)).toBe('NSO-2025-0007');
  });

  it('files named by the old reference carry the new one; others keep their name', () => {
    expect(fileNameAfterTransfer('BRI-2026-0042_timeline.svg', 'BRI-2026-0042', 'NSO-2026-0007')).toBe('NSO-2026-0007_timeline.svg');
    expect(fileNameAfterTransfer('minutes.docx', 'BRI-2026-0042', 'NSO-2026-0007')).toBe('minutes.docx');
  });
});
