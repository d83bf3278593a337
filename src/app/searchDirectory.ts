import type { Principal } from '../domain/staff.js';
import type { Directory, DirectoryPerson } from '../ports/directory.js';
import { assertRoleAllowed } from './access.js';
import type { AppDeps } from './deps.js';
import { peopleQuerySchema } from './findPeople.js';
import { parseInput } from './input.js';
import { inTransaction } from './unitOfWork.js';

/**
 * People in the organisation's directory (Entra ID in Microsoft 365 mode, the staff list locally),
 * for inviting someone who has not yet used ECM. Only those who run case teams may search.
 */
export async function searchDirectory(deps: AppDeps, directory: Directory, p: Principal, query: unknown): Promise<DirectoryPerson[]> {
  const { q, limit } = parseInput(peopleQuerySchema, query, 'The search');
  await inTransaction(deps, p, async (w) => {
    assertRoleAllowed(p, 'people.search');
    await w.audit({ action: 'directory.searched', caseId: null, serviceId: null, detail: {} });
  });
  return directory.search(q, limit);
}
