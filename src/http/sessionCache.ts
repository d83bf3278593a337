import { hashToken } from '../lib/sessionToken.js';
import type { Clock } from '../ports/clock.js';
import type { AuthenticatedUser, Identity } from '../ports/identity.js';

export interface SessionCacheOptions {
  /** How long a sign-in, once looked up, is trusted without looking again; 0 looks up every request. */
  ttlMs: number;
  /** The record's clock: a session past its end is looked up again (and so refused) at once. */
  clock: Clock;
  /** Sessions kept at most; the oldest goes first. */
  capacity?: number;
  /** Monotonic milliseconds, for the time to live (not the record's clock, which tests fix). */
  monotonicMs?: () => number;
}

interface Kept {
  user: AuthenticatedUser;
  until: number;
}

/**
 * Sign-in looked up once and then kept for a few seconds, instead of a transaction of its own on
 * every request. A session kept is dropped when it is ended here (sign-out), when it runs out on
 * the record's clock, and when its few seconds are up. Another instance sharing the database (on
 * PostgreSQL) learns of a sign-out within `ttlMs`, when it next looks the session up.
 */
export function cachingSessions(identity: Identity, o: SessionCacheOptions): Identity {
  if (o.ttlMs <= 0) return identity;
  const capacity = o.capacity ?? 10_000;
  const now = o.monotonicMs ?? (() => performance.now());
  // Keyed by the token's hash: the session's own id, so sign-out can name it.
  const kept = new Map<string, Kept>();
  // Sessions ended here lately: a look-up that began before the sign-out must not keep its answer.
  const ended = new Map<string, number>();
  return {
    async authenticate(token) {
      const id = hashToken(token);
      const hit = kept.get(id);
      if (hit && hit.until > now() && hit.user.session.expiresAt > o.clock.now().toISOString()) return hit.user;
      if (hit) kept.delete(id);
      const user = await identity.authenticate(token);
      if (!user) return null;
      if ((ended.get(id) ?? -Infinity) > now()) return user;
      kept.set(id, { user, until: now() + o.ttlMs });
      if (kept.size > capacity) kept.delete(kept.keys().next().value as string);
      return user;
    },
    forget(sessionId) {
      kept.delete(sessionId);
      ended.set(sessionId, now() + o.ttlMs);
      if (ended.size > capacity) ended.delete(ended.keys().next().value as string);
      identity.forget?.(sessionId);
    },
  };
}
