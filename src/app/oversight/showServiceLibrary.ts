import type { Principal } from '../../domain/staff.js';
import type { LibraryItem } from '../../ports/documentLibrary.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** Every document in a service's library with its metadata, for the manager's review. */
export async function showServiceLibrary(deps: AppDeps, person: Principal, serviceId: string): Promise<LibraryItem[]> {
  await inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'library.read', serviceId);
    await w.audit({ action: 'library.read', caseId: null, serviceId, detail: {} });
  });
  return deps.library.listLibrary(serviceId);
}
