import { expect, it } from 'vitest';
import type { NewOutboxJob } from '../../../src/ports/outbox.js';
import type { ContractContext } from '../store.contract.js';

const minute = (m: number) => `2026-11-27T10:${String(m).padStart(2, '0')}:00.000Z`;

export function outboxContract({ store }: ContractContext): void {
  const enqueue = (id: string, job: Partial<NewOutboxJob> = {}, now = minute(0)) =>
    store().transaction((tx) => tx.outbox.enqueue({ kind: 'notify.send', payload: { card: id }, ...job, id, now }));
  const claim = (worker: string, now: string, leaseUntil: string, limit = 10, kinds?: string[]) =>
    store().transaction((tx) => tx.outbox.claim(worker, now, leaseUntil, limit, kinds));
  const ids = (jobs: { id: string }[]) => jobs.map((j) => j.id);

  it('keeps a job as enqueued, and a second job with the same dedupe key is the same job', async () => {
    expect(
      await enqueue('j1', { dedupeKey: 'publish:f1:v2', recipient: 'yjs-amy', caseId: 'c1', serviceId: 'BRI', payload: { nested: { list: [1, 'two'] } } }),
    ).toBe(true);
    expect(await enqueue('j2', { dedupeKey: 'publish:f1:v2', payload: { other: true } })).toBe(false);
    const jobs = await store().transaction((tx) => tx.outbox.list({}, 10));
    expect(jobs).toEqual([
      {
        id: 'j1',
        kind: 'notify.send',
        payload: { nested: { list: [1, 'two'] } },
        dedupeKey: 'publish:f1:v2',
        recipient: 'yjs-amy',
        caseId: 'c1',
        serviceId: 'BRI',
        status: 'pending',
        attempts: 0,
        claims: 0,
        nextAttemptAt: minute(0),
        lastError: null,
        createdAt: minute(0),
        updatedAt: minute(0),
        blockedCause: null,
        blockedSince: null,
        leasedUntil: null,
      },
    ]);
  });

  it('keeps a blocked job with its cause and first refusal, claims it when due, and makes it due at once on request', async () => {
    await enqueue('b1', { serviceId: 'BRI' });
    await claim('w1', minute(0), minute(2));
    await store().transaction((tx) => tx.outbox.block('b1', 'w1', 'site_access_denied', '403 accessDenied', minute(15), minute(0)));
    await claim('w1', minute(15), minute(17));
    await store().transaction((tx) => tx.outbox.block('b1', 'w1', 'site_access_denied', '403 accessDenied', minute(30), minute(15)));
    const [job] = await store().transaction((tx) => tx.outbox.list({ status: 'blocked' }, 10));
    expect(job).toMatchObject({ status: 'blocked', attempts: 0, blockedCause: 'site_access_denied', blockedSince: minute(0), nextAttemptAt: minute(30) });
    expect(await claim('w2', minute(20), minute(22))).toEqual([]);
    expect(await store().transaction((tx) => tx.outbox.retryNow({ serviceId: 'NSO', statuses: ['blocked'] }, minute(20)))).toEqual([]);
    expect(await store().transaction((tx) => tx.outbox.retryNow({ serviceId: 'BRI', statuses: ['blocked'] }, minute(20)))).toEqual(['b1']);
    expect(ids(await claim('w2', minute(20), minute(22)))).toEqual(['b1']);
  });

  it('claims only due jobs of the kinds asked for, earliest due first, up to the limit', async () => {
    await enqueue('later', { nextAttemptAt: minute(30) });
    await enqueue('due-2', { nextAttemptAt: minute(2) });
    await enqueue('due-1', { nextAttemptAt: minute(1) });
    await enqueue('due-3', { nextAttemptAt: minute(3) });
    await enqueue('other-kind', { kind: 'document.publish' });

    expect(ids(await claim('w1', minute(5), minute(7), 2, ['notify.send']))).toEqual(['due-1', 'due-2']);
    expect(ids(await claim('w1', minute(5), minute(7), 10, ['notify.send']))).toEqual(['due-3']);
    expect(ids(await claim('w2', minute(5), minute(7), 10))).toEqual(['other-kind']);
    expect(await claim('w2', minute(6), minute(8), 10)).toEqual([]);
  });

  it('completes a job for the worker holding it, and ignores a worker that does not', async () => {
    await enqueue('j1');
    await claim('w1', minute(1), minute(3));
    await store().transaction((tx) => tx.outbox.complete('j1', 'w2', minute(2)));
    expect((await store().transaction((tx) => tx.outbox.list({}, 10)))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    await store().transaction((tx) => tx.outbox.complete('j1', 'w1', minute(2)));
    expect((await store().transaction((tx) => tx.outbox.list({ status: 'done' }, 10)))[0]).toMatchObject({ id: 'j1', attempts: 1, updatedAt: minute(2) });
    expect(await claim('w3', minute(10), minute(12))).toEqual([]);
  });

  it('retries a failed job when it is due again, and gives it up as dead when told to', async () => {
    await enqueue('flaky');
    await enqueue('broken');
    await claim('w1', minute(1), minute(3));
    await store().transaction(async (tx) => {
      await tx.outbox.fail('flaky', 'w1', 'Graph answered 429', minute(20), minute(2));
      await tx.outbox.fail('broken', 'w1', 'the folder was deleted', null, minute(2));
    });
    expect(await claim('w1', minute(10), minute(12))).toEqual([]);
    const [retried] = await claim('w1', minute(20), minute(22));
    expect(retried).toMatchObject({ id: 'flaky', status: 'pending', attempts: 1, lastError: 'Graph answered 429', nextAttemptAt: minute(20) });
    expect(await store().transaction((tx) => tx.outbox.list({ status: 'dead' }, 10))).toEqual([
      expect.objectContaining({ id: 'broken', attempts: 1, lastError: 'the folder was deleted' }),
    ]);
  });

  it('renews only the leases a worker holds, and lets go of all of them when it restarts, counting each take-up', async () => {
    await enqueue('mine');
    await enqueue('theirs');
    expect((await claim('w1', minute(1), minute(2), 1)).map((j) => [j.id, j.claims])).toEqual([['mine', 1]]);
    await claim('w2', minute(1), minute(2), 1);
    expect(await store().transaction((tx) => tx.outbox.renew(['mine', 'theirs'], 'w1', minute(9)))).toEqual(['mine']);
    // Past the first leases: the renewed job stays w1's, the other is free to take.
    expect(ids(await claim('w3', minute(5), minute(6)))).toEqual(['theirs']);
    expect(await store().transaction((tx) => tx.outbox.releaseAll('w1', minute(6)))).toBe(1);
    expect((await claim('w1', minute(6), minute(7))).map((j) => [j.id, j.claims])).toEqual([['mine', 2]]);
  });

  it('lets another worker take a job whose lease ran out; the first worker’s late answer is ignored', async () => {
    await enqueue('j1');
    expect(ids(await claim('slow', minute(1), minute(3)))).toEqual(['j1']);
    expect(await claim('quick', minute(2), minute(4))).toEqual([]);
    expect(ids(await claim('quick', minute(4), minute(6)))).toEqual(['j1']);
    await store().transaction((tx) => tx.outbox.fail('j1', 'slow', 'timed out', minute(5), minute(4)));
    await store().transaction((tx) => tx.outbox.complete('j1', 'quick', minute(5)));
    expect((await store().transaction((tx) => tx.outbox.list({}, 10)))[0]).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('skips pending jobs of a kind made before a moment, with the reason, and never hands them out', async () => {
    await enqueue('old', {}, minute(1));
    await enqueue('other-kind', { kind: 'calendar.sync' }, minute(1));
    await enqueue('new', {}, minute(5));
    expect(await store().transaction((tx) => tx.outbox.skipPending('notify.send', minute(3), 'history: not sent'))).toBe(1);
    const jobs = await store().transaction((tx) => tx.outbox.list({ status: 'skipped' }, 10));
    expect(jobs.map((j) => [j.id, j.lastError])).toEqual([['old', 'history: not sent']]);
    expect(ids(await claim('w1', minute(9), minute(19)))).toEqual(['other-kind', 'new']);
  });

  it('lists jobs newest first by status, kind, service, case and recipient, and counts a recipient’s recent ones', async () => {
    await enqueue('old', { recipient: 'yjs-amy', caseId: 'c1', serviceId: 'BRI', kind: 'notify.card' }, minute(1));
    await enqueue('new', { recipient: 'yjs-amy', caseId: 'c2', serviceId: 'BRI', kind: 'notify.card' }, minute(5));
    await enqueue('doc', { recipient: 'yjs-amy', caseId: 'c1', serviceId: 'NSO', kind: 'document.publish' }, minute(6));
    await enqueue('sam', { recipient: 'ecm-sam', kind: 'notify.card' }, minute(7));
    await store().transaction(async (tx) => {
      const list = async (filter: Parameters<typeof tx.outbox.list>[0], limit = 10) => ids(await tx.outbox.list(filter, limit));
      expect(await list({})).toEqual(['sam', 'doc', 'new', 'old']);
      expect(await list({}, 2)).toEqual(['sam', 'doc']);
      expect(await list({ kind: 'notify.card', recipient: 'yjs-amy' })).toEqual(['new', 'old']);
      expect(await list({ serviceId: 'NSO' })).toEqual(['doc']);
      expect(await list({ caseId: 'c1', status: 'pending' })).toEqual(['doc', 'old']);
      expect(await list({ status: 'done' })).toEqual([]);
      expect(await tx.outbox.countRecent('yjs-amy', 'notify.', minute(2))).toBe(1);
      expect(await tx.outbox.countRecent('yjs-amy', 'notify.', minute(0))).toBe(2);
      expect(await tx.outbox.countRecent('yjs-amy', '', minute(0))).toBe(3);
    });
  });

  it('puts a claimed job back to wait without counting an attempt, only for the worker holding it', async () => {
    await enqueue('j1', { recipient: 'yjs-amy' });
    await claim('w1', minute(1), minute(3));
    await store().transaction((tx) => tx.outbox.postpone('j1', 'w2', 'not mine', minute(30), minute(2)));
    expect(await claim('w2', minute(2), minute(4))).toEqual([]);
    await store().transaction((tx) => tx.outbox.postpone('j1', 'w1', 'ten notifications this minute already', minute(10), minute(2)));
    expect(await claim('w2', minute(9), minute(11))).toEqual([]);
    const [again] = await claim('w2', minute(10), minute(12));
    expect(again).toMatchObject({ id: 'j1', status: 'pending', attempts: 0, nextAttemptAt: minute(10), lastError: 'ten notifications this minute already' });
  });

  it('says when a recipient’s jobs of a kind were delivered after a moment, oldest first', async () => {
    await enqueue('a1', { recipient: 'yjs-amy', kind: 'notify.card' });
    await enqueue('a2', { recipient: 'yjs-amy', kind: 'notify.card' });
    await enqueue('a3', { recipient: 'yjs-amy', kind: 'notify.card' });
    await enqueue('a-failed', { recipient: 'yjs-amy', kind: 'notify.card' });
    await enqueue('a-doc', { recipient: 'yjs-amy', kind: 'document.publish' });
    await enqueue('sam', { recipient: 'ecm-sam', kind: 'notify.card' });
    await claim('w1', minute(0), minute(30));
    await store().transaction(async (tx) => {
      await tx.outbox.complete('a2', 'w1', minute(7));
      await tx.outbox.complete('a1', 'w1', minute(3));
      await tx.outbox.complete('a3', 'w1', minute(1));
      await tx.outbox.fail('a-failed', 'w1', 'Teams answered 500', minute(20), minute(4));
      await tx.outbox.complete('a-doc', 'w1', minute(5));
      await tx.outbox.complete('sam', 'w1', minute(6));
    });
    await store().transaction(async (tx) => {
      expect(await tx.outbox.deliveredSince('yjs-amy', 'notify.card', minute(2))).toEqual([minute(3), minute(7)]);
      expect(await tx.outbox.deliveredSince('yjs-amy', 'notify.card', minute(0))).toEqual([minute(1), minute(3), minute(7)]);
      expect(await tx.outbox.deliveredSince('yjs-amy', 'notify.card', minute(7))).toEqual([]);
    });
  });

  it('gives a recipient’s given-up jobs of a kind since a moment another life, due now, and leaves the rest', async () => {
    await enqueue('old', { recipient: 'police-jo', kind: 'notify.card' }, minute(1));
    await enqueue('recent-1', { recipient: 'police-jo', kind: 'notify.card' }, minute(5));
    await enqueue('recent-2', { recipient: 'police-jo', kind: 'notify.card' }, minute(6));
    await enqueue('delivered', { recipient: 'police-jo', kind: 'notify.card' }, minute(6));
    await enqueue('other-kind', { recipient: 'police-jo', kind: 'document.publish' }, minute(6));
    await enqueue('other-person', { recipient: 'yjs-amy', kind: 'notify.card' }, minute(6));
    await claim('w1', minute(7), minute(9));
    await store().transaction(async (tx) => {
      for (const id of ['old', 'recent-1', 'recent-2', 'other-kind', 'other-person']) await tx.outbox.fail(id, 'w1', 'Teams answered 403', null, minute(8));
      await tx.outbox.complete('delivered', 'w1', minute(8));
    });

    expect(await store().transaction((tx) => tx.outbox.revive('police-jo', 'notify.card', minute(5), minute(20)))).toBe(2);

    const jobs = await store().transaction((tx) => tx.outbox.list({}, 10));
    const byId = Object.fromEntries(jobs.map((j) => [j.id, j]));
    expect(byId['recent-1']).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: minute(20), lastError: null, updatedAt: minute(20) });
    expect(byId['recent-2']).toMatchObject({ status: 'pending', attempts: 0 });
    for (const id of ['old', 'other-kind', 'other-person']) expect(byId[id]).toMatchObject({ status: 'dead', attempts: 1 });
    expect(byId.delivered).toMatchObject({ status: 'done' });
    expect(ids(await claim('w2', minute(20), minute(22)))).toEqual(expect.arrayContaining(['recent-1', 'recent-2']));
    expect(await store().transaction((tx) => tx.outbox.revive('police-jo', 'notify.card', minute(5), minute(21)))).toBe(0);
  });
}
