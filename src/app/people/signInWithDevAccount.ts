import { randomBytes } from 'node:crypto';
import { hashToken } from '../../lib/sessionToken.js';
import { DomainError } from '../../domain/errors.js';
import { principalOf, type Staff, staffIdSchema } from '../../domain/staff.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { z } from 'zod';

export const devSignInSchema = z.object({ staffId: staffIdSchema }).strict();

/**
 * Local mode's sign-in: pick a demo member of staff, get a session token. The composition root
 * only offers this when the dev sign-in is enabled, which config refuses in production.
 */
export async function signInWithDevAccount(deps: AppDeps, input: unknown, sessionHours: number): Promise<{ token: string; expiresAt: string; staff: Staff }> {
  const { staffId } = parseInput(devSignInSchema, input, 'The sign-in');
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000).toISOString();
  return deps.store.transaction(async (tx) => {
    const staff = await tx.staff.get(staffId);
    if (!staff) throw new DomainError('unauthenticated', 'There is no demo account with that id.');
    await tx.sessions.insert({ tokenHash: hashToken(token), staffId, createdAt: now.toISOString(), expiresAt });
    await tx.audit.append(
      { actorId: principalOf(staff).staffId, action: 'session.started', caseId: null, serviceId: null, detail: { method: 'dev-sign-in' } },
      now.toISOString(),
    );
    return { token, expiresAt, staff };
  });
}
