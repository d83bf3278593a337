import { expect, it } from 'vitest';
import type { ContractContext } from '../store.contract.js';

const minute = (m: number) => `2026-11-27T10:${String(m).padStart(2, '0')}:00.000Z`;

/** Requests made under an idempotency key (idempotent_requests): one claim wins, its answer is kept. */
export function requestContract({ store }: ContractContext): void {
  const claim = (staffId: string, key: string, claimId: string, at = minute(1)) =>
    store().transaction((t) => t.requests.claim({ staffId, key, fingerprint: 'POST /x', claimId, claimedAt: at }));

  it('lets the first claim of a key in and tells a later one who holds it; another person’s key is their own', async () => {
    expect((await claim('yjs-amy', 'k-first', 'c1')).claimId).toBe('c1');
    expect(await claim('yjs-amy', 'k-first', 'c2')).toMatchObject({ claimId: 'c1', answer: null });
    expect((await claim('ecm-sam', 'k-first', 'c3')).claimId).toBe('c3');
  });

  it('keeps the answer as it was given, including answers in any script', async () => {
    await claim('yjs-amy', 'k-kept', 'c1');
    const answer = { kept: { status: 201, body: { id: 'm1', note: 'Zoë O’Brien — 会議' }, headers: { etag: '"1"' } } };
    await store().transaction((t) => t.requests.keep('yjs-amy', 'k-kept', 'c1', answer));
    expect((await claim('yjs-amy', 'k-kept', 'c9')).answer).toEqual(answer);
  });

  it('frees a key only for the claim that holds it, and only while it has no answer', async () => {
    await claim('yjs-amy', 'k-free', 'c1');
    await store().transaction((t) => t.requests.release('yjs-amy', 'k-free', 'someone-else'));
    expect((await claim('yjs-amy', 'k-free', 'c2')).claimId).toBe('c1');
    await store().transaction((t) => t.requests.release('yjs-amy', 'k-free', 'c1'));
    expect((await claim('yjs-amy', 'k-free', 'c2')).claimId).toBe('c2');
  });

  it('hands an unanswered claim over once, and forgets keys older than asked', async () => {
    await claim('yjs-amy', 'k-old', 'c1', minute(1));
    expect(await store().transaction((t) => t.requests.takeOver('yjs-amy', 'k-old', 'c1', 'c2', minute(9)))).toBe(true);
    expect(await store().transaction((t) => t.requests.takeOver('yjs-amy', 'k-old', 'c1', 'c3', minute(9)))).toBe(false);
    await store().transaction((t) => t.requests.forgetBefore(minute(10)));
    expect((await claim('yjs-amy', 'k-old', 'c4', minute(11))).claimId).toBe('c4');
  });
}
