import type { Principal } from '../../domain/staff.js';
import type { SessionRef } from '../../ports/identity.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * Sign-out on the server: the session's token signs nobody in from now on, on every instance, even
 * if a copy of it outlives the browser tab. Ending a session already ended changes nothing.
 */
export async function endSession(deps: AppDeps, person: Principal, session: SessionRef): Promise<void> {
  await inTransaction(deps, person, async (w) => {
    await w.tx.sessions.end({ sessionId: session.id, staffId: person.staffId, endedAt: w.now, expiresAt: session.expiresAt });
    await w.audit({ action: 'session.ended', caseId: null, serviceId: null, detail: { by: 'sign-out' } });
  });
  // This instance stops trusting its copy at once; another learns within SESSION_CACHE_SECONDS.
  deps.identity.forget?.(session.id);
}
