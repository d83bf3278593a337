import { notFound, ruleViolation } from '../domain/errors.js';
import type { Service } from '../domain/service.js';
import type { Staff } from '../domain/staff.js';
import { type CaseRole, INVITATION_VALID_DAYS, type TeamMember } from '../domain/team.js';
import type { StoreTx } from '../ports/store.js';

export async function serviceOf(tx: StoreTx, serviceId: string): Promise<Service> {
  const s = await tx.services.get(serviceId);
  if (!s) throw notFound('That service');
  return s;
}

export async function staffMember(tx: StoreTx, staffId: string): Promise<Staff> {
  const s = await tx.staff.get(staffId);
  if (!s) throw ruleViolation(`No member of staff or partner has the id ${staffId}.`);
  return s;
}

/** The part a person plays on a case follows from their role. */
export const caseRoleFor = (s: Staff): CaseRole =>
  s.role === 'partner'
    ? 'partner'
    : s.role === 'psychologist'
      ? 'psychologist'
      : s.role === 'ecm_practitioner'
        ? 'ecm_practitioner'
        : s.role === 'manager'
          ? 'manager'
          : 'case_holder';

export function newMember(s: Staff, caseId: string, caseRole: CaseRole, invitedBy: string, now: string): TeamMember {
  return {
    caseId,
    staffId: s.id,
    name: s.name,
    agency: s.agency,
    caseRole,
    invitedBy,
    invitedAt: now,
    invitationExpiresAt: new Date(Date.parse(now) + INVITATION_VALID_DAYS * 86_400_000).toISOString(),
    termsAcceptedAt: null,
    termsVersion: null,
  };
}
