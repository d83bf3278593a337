import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/local/systemClock.js';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { type OutboxWorker, startOutboxWorker } from '../../src/jobs/outboxWorker.js';
import { waitWithoutPlace } from '../../src/lib/deliveryPlaces.js';
import { silentLogger } from '../../src/lib/logger.js';
import type { Deliverer, OutboxJob } from '../../src/ports/outbox.js';
import type { Store } from '../../src/ports/store.js';
import { until } from '../support/patience.js';
import { TODAY } from '../support/testSystem.js';

const KIND = 'document.publish';

describe('the outbox worker', () => {
  let store: Store;
  let clock: ReturnType<typeof fixedClock>;
  const workers: OutboxWorker[] = [];
  beforeEach(async () => {
    store = await openSqliteStore({ dataDir: ':memory:' });
    clock = fixedClock(TODAY);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await store.close();
  });

  const enqueue = (...ids: string[]) =>
    store.transaction(async (tx) => {
      for (const id of ids) await tx.outbox.enqueue({ id, kind: KIND, payload: {}, now: clock.now().toISOString() });
    });
  const statusOf = async () => Object.fromEntries((await store.transaction((tx) => tx.outbox.list({}, 100))).map((j) => [j.id, j.status]));
  const worker = (deliver: Deliverer, o: { workerId?: string; concurrency?: number; leaseMs?: number; autoStart?: boolean } = {}) => {
    const w = startOutboxWorker(
      {
        store,
        clock,
        logger: silentLogger,
        deliverers: { [KIND]: deliver },
        pollMs: 50,
        ...(o.workerId ? { workerId: o.workerId } : {}),
        ...(o.concurrency ? { concurrency: o.concurrency } : {}),
        ...(o.leaseMs ? { leaseMs: o.leaseMs } : {}),
      },
      o.autoStart ?? false,
    );
    workers.push(w);
    return w;
  };

  it('delivers a few at a time, never more than its concurrency, each job once', async () => {
    await enqueue(...Array.from({ length: 10 }, (_, i) => `j${i}`));
    let active = 0;
    let most = 0;
    const delivered: string[] = [];
    const w = worker(
      async (job) => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((ok) => setTimeout(ok, 20)); // the delivery's own work
        active -= 1;
        delivered.push(job.id);
        return { ok: true };
      },
      { concurrency: 3 },
    );
    expect(await w.runOnce()).toBe(10);
    expect(most).toBe(3);
    expect(delivered.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `j${i}`).sort());
    expect(Object.values(await statusOf())).toEqual(Array(10).fill('done'));
  });

  it('delivers one person’s jobs one after another, so per-person limits see what went before', async () => {
    await store.transaction(async (tx) => {
      for (const id of ['amy-1', 'amy-2', 'amy-3', 'sam-1'])
        await tx.outbox.enqueue({ id, kind: KIND, payload: {}, recipient: id.split('-')[0]!, now: clock.now().toISOString() });
    });
    const active = new Map<string, number>();
    let overlapped = false;
    const w = worker(
      async (job) => {
        const n = (active.get(job.recipient!) ?? 0) + 1;
        active.set(job.recipient!, n);
        if (n > 1) overlapped = true;
        await new Promise((ok) => setTimeout(ok, 20)); // the delivery's own work
        active.set(job.recipient!, n - 1);
        return { ok: true };
      },
      { concurrency: 4 },
    );
    expect(await w.runOnce()).toBe(4);
    expect(overlapped).toBe(false);
  });

  it('lets other jobs go on while a throttled delivery waits out its Retry-After', async () => {
    await enqueue('throttled');
    clock.advance(1);
    await enqueue('other');
    const finished: string[] = [];
    const w = worker(
      async (job) => {
        if (job.id === 'throttled') await waitWithoutPlace(300);
        finished.push(job.id);
        return { ok: true };
      },
      { concurrency: 1 },
    );
    expect(await w.runOnce()).toBe(2);
    // One place only, and the throttled job had it first: the other was delivered during the wait.
    expect(finished).toEqual(['other', 'throttled']);
  });

  it('takes back at once, on restarting with its own id, the jobs it held when it was killed; another instance waits for the lease', async () => {
    await enqueue('a', 'b', 'c');
    // A worker that was killed mid-delivery: its leases stand for another 20 seconds.
    const now = clock.now();
    await store.transaction((tx) => tx.outbox.claim('instance-1', now.toISOString(), new Date(now.getTime() + 20_000).toISOString(), 10, [KIND]));

    const delivered: OutboxJob[] = [];
    const other = worker(async (job) => (delivered.push(job), { ok: true }), { workerId: 'instance-2' });
    expect(await other.runOnce()).toBe(0);

    worker(async (job) => (delivered.push(job), { ok: true }), { workerId: 'instance-1', autoStart: true });
    await until('the restarted instance to deliver its jobs', async () => Object.values(await statusOf()).every((s) => s === 'done'));
    expect(delivered.map((j) => j.id).sort()).toEqual(['a', 'b', 'c']);
    // Taken up a second time: the delivery knows to look for a write the killed worker may have made.
    expect(delivered.map((j) => j.claims)).toEqual([2, 2, 2]);
  });

  it('lets another instance take a dead instance’s jobs once the short lease has run out', async () => {
    await enqueue('a');
    const now = clock.now();
    await store.transaction((tx) => tx.outbox.claim('instance-dead', now.toISOString(), new Date(now.getTime() + 20_000).toISOString(), 10, [KIND]));
    const other = worker(async () => ({ ok: true }), { workerId: 'instance-2' });
    clock.advance(19_000);
    expect(await other.runOnce()).toBe(0);
    clock.advance(1_001);
    expect(await other.runOnce()).toBe(1);
    expect(await statusOf()).toEqual({ a: 'done' });
  });

  it('renews its leases while a delivery runs, so no other instance takes a job still being delivered', async () => {
    await enqueue('long');
    let renewals = 0;
    const watched: Store = {
      ...store,
      transaction: (work) => store.transaction((tx) => work({ ...tx, outbox: { ...tx.outbox, renew: (...a) => (renewals++, tx.outbox.renew(...a)) } })),
    };
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    let started = false;
    let deliveries = 0;
    const w = startOutboxWorker(
      {
        store: watched,
        clock,
        logger: silentLogger,
        pollMs: 50,
        leaseMs: 1000,
        workerId: 'instance-1',
        deliverers: {
          [KIND]: async () => {
            started = true;
            deliveries += 1;
            await gate;
            return { ok: true };
          },
        },
      },
      true,
    );
    workers.push(w);
    await until('the delivery to start', () => started);
    clock.advance(900);
    const before = renewals;
    await until('the lease to be renewed', () => renewals > before);
    clock.advance(500); // past the first lease, within the renewed one
    const other = worker(async () => (deliveries++, { ok: true }), { workerId: 'instance-2' });
    expect(await other.runOnce()).toBe(0);
    release();
    await until('the delivery to finish', async () => (await statusOf()).long === 'done');
    expect(deliveries).toBe(1);
  });
});
