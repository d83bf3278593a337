import { hashToken } from '../../lib/sessionToken.js';
import type { Clock } from '../../ports/clock.js';
import type { Identity } from '../../ports/identity.js';
import type { Store } from '../../ports/store.js';

/** Local mode: a bearer token is a dev sign-in session, stored hashed. */
export function devSessionIdentity(store: Store, clock: Clock): Identity {
  return {
    async authenticate(token) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const id = hashToken(token);
      return store.transaction(async (tx) => {
        // An ended session's row is gone, so sign-out needs no second look here.
        const session = await tx.sessions.get(id);
        if (!session || session.expiresAt <= clock.now().toISOString()) return null;
        const staff = await tx.staff.get(session.staffId);
        return staff ? { staff, assertion: null, session: { id, expiresAt: session.expiresAt } } : null;
      });
    },
  };
}
