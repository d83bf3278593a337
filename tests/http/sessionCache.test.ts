import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/local/systemClock.js';
import { DEMO_STAFF } from '../../src/demo/people.js';
import { cachingSessions } from '../../src/http/sessionCache.js';
import { hashToken } from '../../src/lib/sessionToken.js';
import type { AuthenticatedUser, Identity } from '../../src/ports/identity.js';

const TOKEN = 'a-dev-session-token-of-amy';
const amy = DEMO_STAFF.find((s) => s.id === 'yjs-amy')!;

/** The sign-in on the record: looked up by counting, ended or not as the test says. */
function recordedSignIn(expiresAt = '2026-11-27T20:00:00.000Z') {
  const looked = { count: 0, ended: false };
  const identity: Identity = {
    async authenticate(token) {
      looked.count += 1;
      if (token !== TOKEN || looked.ended) return null;
      const user: AuthenticatedUser = { staff: amy, assertion: null, session: { id: hashToken(token), expiresAt } };
      return user;
    },
  };
  return { identity, looked };
}

describe('a sign-in kept for a few seconds', () => {
  it('is looked up once for many requests within its seconds, and again when they are up', async () => {
    const { identity, looked } = recordedSignIn();
    let ms = 0;
    const cached = cachingSessions(identity, { ttlMs: 10_000, clock: fixedClock('2026-11-27T10:00:00.000Z'), monotonicMs: () => ms });
    for (let i = 0; i < 5; i++) expect((await cached.authenticate(TOKEN))?.staff.id).toBe('yjs-amy');
    expect(looked.count).toBe(1);
    ms = 10_001;
    await cached.authenticate(TOKEN);
    expect(looked.count).toBe(2);
  });

  it('is not trusted a moment after sign-out ends it', async () => {
    const { identity, looked } = recordedSignIn();
    const cached = cachingSessions(identity, { ttlMs: 10_000, clock: fixedClock('2026-11-27T10:00:00.000Z'), monotonicMs: () => 0 });
    expect(await cached.authenticate(TOKEN)).not.toBeNull();
    looked.ended = true;
    cached.forget?.(hashToken(TOKEN));
    expect(await cached.authenticate(TOKEN)).toBeNull();
  });

  it('is not trusted once its session runs out on the record’s clock, however recently it was looked up', async () => {
    const { identity, looked } = recordedSignIn('2026-11-27T10:30:00.000Z');
    const clock = fixedClock('2026-11-27T10:00:00.000Z');
    const cached = cachingSessions(identity, { ttlMs: 10_000, clock, monotonicMs: () => 0 });
    expect(await cached.authenticate(TOKEN)).not.toBeNull();
    clock.set(new Date('2026-11-27T10:30:00.000Z'));
    looked.ended = true;
    expect(await cached.authenticate(TOKEN)).toBeNull();
    expect(looked.count).toBe(2);
  });

  it('a token nobody signed in with is looked up every time, never kept', async () => {
    const { identity, looked } = recordedSignIn();
    const cached = cachingSessions(identity, { ttlMs: 10_000, clock: fixedClock('2026-11-27T10:00:00.000Z'), monotonicMs: () => 0 });
    expect(await cached.authenticate('not-a-session-of-anyone')).toBeNull();
    expect(await cached.authenticate('not-a-session-of-anyone')).toBeNull();
    expect(looked.count).toBe(2);
  });

  it('with SESSION_CACHE_SECONDS=0 every request looks the session up', async () => {
    const { identity, looked } = recordedSignIn();
    const cached = cachingSessions(identity, { ttlMs: 0, clock: fixedClock('2026-11-27T10:00:00.000Z') });
    await cached.authenticate(TOKEN);
    await cached.authenticate(TOKEN);
    expect(looked.count).toBe(2);
  });
});
