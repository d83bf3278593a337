import type { PersonCard } from '../../contract/views.js';
import { z } from 'zod';
import { directoryStaffId, type Principal, type Staff } from '../../domain/staff.js';
import { serviceIdSchema } from '../../domain/service.js';
import { assertMayJoinTeam, caseRoleFor } from '../../domain/team.js';
import { ROLE_LABELS } from '../../contract/words.js';
import { assertRoleAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

export const peopleQuerySchema = z
  .object({
    q: z.string().trim().max(100).default(''),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    /** The service of the case being staffed: only people who may join its team are found. */
    serviceId: serviceIdSchema.optional(),
  })
  .strict();

function mayJoin(s: Pick<Staff, 'role' | 'serviceIds'>, serviceId: string): boolean {
  try {
    assertMayJoinTeam(s, caseRoleFor(s), serviceId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Who can be invited to a case team, for the people who run the team: staff who have signed in, and
 * people in the organisation's directory (Entra ID in Microsoft 365 mode) who have not. Every search
 * is audited, as it reaches into the directory.
 */
export async function findPeople(deps: AppDeps, person: Principal, query: unknown): Promise<PersonCard[]> {
  const { q, limit, serviceId } = parseInput(peopleQuerySchema, query, 'The search');
  const needle = q.toLowerCase();
  const staff = await inTransaction(deps, person, async (w) => {
    assertRoleAllowed(person, 'people.search');
    await w.audit({ action: 'directory.searched', caseId: null, serviceId: null, detail: {} });
    return w.tx.staff.list();
  });
  const known = staff
    .filter((s) => s.role !== 'administrator' && (!needle || s.name.toLowerCase().includes(needle) || s.email.toLowerCase().includes(needle)))
    .filter((s) => serviceId === undefined || mayJoin(s, serviceId))
    .map((s) => ({
      id: s.id,
      name: s.name,
      email: s.email,
      role: s.role,
      roleLabel: ROLE_LABELS[s.role],
      agency: s.agency,
      serviceIds: s.serviceIds,
      caseRole: caseRoleFor(s),
    }));
  // People in the directory who have never signed in, such as professionals from other agencies, join as partners.
  const signedUp = new Set(staff.flatMap((s) => [s.id, s.aadObjectId ?? '']));
  const newcomers =
    needle.length < 2 ? [] : (await deps.directory.search(q, limit)).filter((d) => d.aadObjectId && !signedUp.has(d.aadObjectId) && !signedUp.has(d.id));
  return [
    ...known,
    ...newcomers.map((d) => ({
      id: directoryStaffId(d.aadObjectId!),
      name: d.name,
      email: d.email,
      role: 'partner' as const,
      roleLabel: 'Not signed in yet: joins as a partner',
      agency: 'other',
      serviceIds: [],
      caseRole: 'partner' as const,
    })),
  ].slice(0, limit);
}
