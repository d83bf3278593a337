import { notFound, ruleViolation } from '../../domain/errors.js';
import type { Service } from '../../domain/service.js';
import { aadObjectIdOfStaffId, type Agency, directoryStaffId, type Staff } from '../../domain/staff.js';
import type { Directory, DirectoryPerson } from '../../ports/directory.js';
import type { Work } from '../unitOfWork.js';
import { type CaseRole, INVITATION_VALID_DAYS, type TeamMember } from '../../domain/team.js';
import type { StoreTx } from '../../ports/store.js';

export async function serviceOf(tx: StoreTx, serviceId: string): Promise<Service> {
  const s = await tx.services.get(serviceId);
  if (!s) throw notFound('That service');
  return s;
}

/** The directory entry behind an id of someone who has not signed in yet, looked up outside any transaction. */
export async function directoryEntryFor(directory: Directory, staffId: string): Promise<DirectoryPerson | null> {
  const oid = aadObjectIdOfStaffId(staffId);
  return oid ? directory.get(oid) : null;
}

/**
 * A member of staff, or — for a person from the directory who has never signed in — a new record
 * as a partner: their roles arrive with their first sign-in, and until then a case is all they reach.
 */
export async function staffOrNewPartner(work: Work, staffId: string, fromDirectory: DirectoryPerson | null, agency: Agency): Promise<Staff> {
  const known = (await work.tx.staff.get(staffId)) ?? (fromDirectory?.aadObjectId ? await work.tx.staff.getByAadObjectId(fromDirectory.aadObjectId) : null);
  if (known) return known;
  if (!fromDirectory?.aadObjectId) return staffMember(work.tx, staffId);
  const partner: Staff = {
    id: directoryStaffId(fromDirectory.aadObjectId),
    name: fromDirectory.name,
    email: fromDirectory.email,
    role: 'partner',
    serviceIds: [],
    agency,
    aadObjectId: fromDirectory.aadObjectId,
  };
  await work.tx.staff.upsert(partner);
  await work.audit({ action: 'staff.created.by_invitation', caseId: null, serviceId: null, detail: { staffId: partner.id } });
  return partner;
}

export async function staffMember(tx: StoreTx, staffId: string): Promise<Staff> {
  const s = await tx.staff.get(staffId);
  if (!s) throw ruleViolation(`No member of staff or partner has the id ${staffId}.`);
  return s;
}

export function newMember(staff: Staff, caseId: string, caseRole: CaseRole, invitedBy: string, now: string): TeamMember {
  return {
    caseId,
    staffId: staff.id,
    name: staff.name,
    agency: staff.agency,
    caseRole,
    invitedBy,
    invitedAt: now,
    invitationExpiresAt: new Date(Date.parse(now) + INVITATION_VALID_DAYS * 86_400_000).toISOString(),
    termsAcceptedAt: null,
    termsVersion: null,
  };
}
