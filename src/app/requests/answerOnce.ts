import { setTimeout as sleep } from 'node:timers/promises';
import type { Principal } from '../../domain/staff.js';
import type { AppDeps } from '../deps.js';

/**
 * One press, one record. A client names each change it asks for with a key of its own making (a
 * tab form, a bot card); the first request under a key does the work and its answer is kept, and
 * a repeat — a double-click, a retry after a dropped connection, a card pressed twice — is given
 * that answer again and changes nothing.
 */
export interface KeyedRequest {
  key: string;
  /** What was asked: the same key for a different request is refused, not answered. */
  fingerprint: string;
}

export type RequestClaim<A> =
  /** Nobody asked this before: do the work, then keep the answer (or release the key if it failed). */
  | { outcome: 'first'; claimId: string }
  | { outcome: 'repeat'; answer: A }
  | { outcome: 'different_request' }
  /** The first request is still being worked on after waiting as long as a person would. */
  | { outcome: 'still_working' };

/** A key is honoured for a day; a client that retries later is asking again. */
const KEPT_FOR_MS = 24 * 60 * 60 * 1000;
/** A claim this old with no answer was left by a request that died; a repeat may take it over. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;
/** A repeat that arrives while the first is still working waits for its answer: generous, for a loaded machine. */
const WAIT_FOR_FIRST_MS = 30_000;
const POLL_MS = 50;

export async function claimRequest<A>(deps: AppDeps, person: Principal, request: KeyedRequest, waitMs = WAIT_FOR_FIRST_MS): Promise<RequestClaim<A>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = deps.clock.now();
    const claimId = deps.newId();
    const held = await deps.store.transaction(async (tx) => {
      await tx.requests.forgetBefore(new Date(now.getTime() - KEPT_FOR_MS).toISOString());
      const held = await tx.requests.claim({
        staffId: person.staffId,
        key: request.key,
        fingerprint: request.fingerprint,
        claimId,
        claimedAt: now.toISOString(),
      });
      if (held.claimId === claimId || held.answer !== null || held.fingerprint !== request.fingerprint) return held;
      const abandoned = Date.parse(held.claimedAt) <= now.getTime() - ABANDONED_AFTER_MS;
      return abandoned && (await tx.requests.takeOver(person.staffId, request.key, held.claimId, claimId, now.toISOString())) ? { ...held, claimId } : held;
    });
    if (held.fingerprint !== request.fingerprint) return { outcome: 'different_request' };
    if (held.claimId === claimId) return { outcome: 'first', claimId };
    if (held.answer !== null) return { outcome: 'repeat', answer: (held.answer as { kept: A }).kept };
    if (Date.now() >= deadline) return { outcome: 'still_working' };
    await sleep(POLL_MS);
  }
}

/** The first request succeeded: its answer is what every repeat will get. */
export async function keepAnswer<A>(deps: AppDeps, person: Principal, key: string, claimId: string, answer: A): Promise<void> {
  // Wrapped, so that an answer of null is still an answer and not "not answered yet".
  await deps.store.transaction((tx) => tx.requests.keep(person.staffId, key, claimId, { kept: answer }));
}

/** The first request failed and changed nothing: the key is free to try again with. */
export async function releaseRequest(deps: AppDeps, person: Principal, key: string, claimId: string): Promise<void> {
  await deps.store.transaction((tx) => tx.requests.release(person.staffId, key, claimId));
}

/** Runs `work` once per key: the first answer is kept; a failure keeps nothing, so the same key may be tried again. */
export async function answerOnce<A>(
  deps: AppDeps,
  person: Principal,
  request: KeyedRequest,
  work: () => Promise<A>,
): Promise<{ answer: A; repeated: boolean } | { outcome: 'different_request' | 'still_working' }> {
  const claim = await claimRequest<A>(deps, person, request);
  if (claim.outcome === 'repeat') return { answer: claim.answer, repeated: true };
  if (claim.outcome !== 'first') return { outcome: claim.outcome };
  let answer: A;
  try {
    answer = await work();
  } catch (error) {
    await releaseRequest(deps, person, request.key, claim.claimId);
    throw error;
  }
  await keepAnswer(deps, person, request.key, claim.claimId, answer);
  return { answer, repeated: false };
}
