import { randomUUID } from 'node:crypto';
import { BLOCKED_FOR_MS, BLOCKED_RETRY_MS } from '../domain/deliveryBlock.js';
import { deliveryPlaces } from '../lib/deliveryPlaces.js';
import { describeError, type Logger } from '../lib/logger.js';
import type { Clock } from '../ports/clock.js';
import type { Deliverer, DeliveryOutcome, OutboxJob } from '../ports/outbox.js';
import { StoreUnavailableError, type Store } from '../ports/store.js';
import { outcomeOfError } from './failureKind.js';

export interface OutboxWorkerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  deliverers: Record<string, Deliverer>;
  pollMs: number;
  /** After this many failed attempts a job is marked dead and shown to people, never dropped. */
  maxAttempts?: number;
  /**
   * How long a job stays this worker's without a sign of life. Renewed every quarter of it while
   * the job is delivered, so it can be short: another instance takes a dead worker's jobs soon.
   */
  leaseMs?: number;
  batchSize?: number;
  /** Deliveries at the same time; a delivery waiting out a Retry-After does not hold one of them. */
  concurrency?: number;
  /**
   * The instance's own id, kept across restarts (src/composition.ts keeps it in DATA_DIR): a
   * restarted instance takes back at once the jobs it held when it stopped, without waiting out
   * their leases.
   */
  workerId?: string;
}

export interface OutboxWorker {
  /** Delivers what is due now (up to a batch, `concurrency` at a time); returns how many jobs it attempted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** Exponential back-off with jitter, so that many failing jobs do not retry in step. */
export function backoffMs(attempts: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function startOutboxWorker(options: OutboxWorkerOptions, autoStart = true): OutboxWorker {
  const { store, clock, logger, deliverers } = options;
  const maxAttempts = options.maxAttempts ?? 12;
  const leaseMs = options.leaseMs ?? 20_000;
  const batchSize = options.batchSize ?? 20;
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const places = deliveryPlaces(options.concurrency ?? 4);
  const kinds = Object.keys(deliverers);
  /** Jobs claimed and not yet finished, each with its delivery. */
  const held = new Map<string, Promise<void>>();
  /** Each recipient's last delivery in hand, which their next waits for. */
  const lastFor = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let renewer: NodeJS.Timeout | null = null;
  let filling: Promise<number> | null = null;
  let started: Promise<void> = Promise.resolve();
  let stopped = false;
  let startedUp = false;

  async function deliver(job: OutboxJob): Promise<void> {
    const deliverer = deliverers[job.kind];
    let outcome: DeliveryOutcome;
    try {
      outcome = deliverer ? await deliverer(job) : { ok: false, permanent: true, error: `no deliverer for ${job.kind}` };
    } catch (error) {
      // An outside service's own verdict (Retry-After, a refusal by the tenant's set-up, "this cannot succeed") beats a guess.
      outcome = outcomeOfError(error, job.kind);
    }
    const now = clock.now();
    const blockedTooLong = !outcome.ok && outcome.blocked && now.getTime() - Date.parse(job.blockedSince ?? now.toISOString()) >= BLOCKED_FOR_MS;
    await store.transaction(async (tx) => {
      if (outcome.ok) return tx.outbox.complete(job.id, workerId, now.toISOString());
      if (outcome.blocked && !blockedTooLong) {
        const retryAt = new Date(now.getTime() + BLOCKED_RETRY_MS).toISOString();
        return tx.outbox.block(job.id, workerId, outcome.blocked, outcome.error, retryAt, now.toISOString());
      }
      if (outcome.blocked) return tx.outbox.fail(job.id, workerId, `blocked for 14 days (${outcome.blocked}): ${outcome.error}`, null, now.toISOString());
      if (outcome.deferred && !outcome.permanent) {
        return tx.outbox.postpone(
          job.id,
          workerId,
          outcome.error,
          new Date(now.getTime() + (outcome.retryAfterMs ?? BASE_BACKOFF_MS)).toISOString(),
          now.toISOString(),
        );
      }
      const attempts = job.attempts + 1;
      const giveUp = outcome.permanent || attempts >= maxAttempts;
      const wait = outcome.retryAfterMs ?? backoffMs(attempts);
      const retryAt = giveUp ? null : new Date(now.getTime() + wait).toISOString();
      return tx.outbox.fail(job.id, workerId, outcome.error, retryAt, now.toISOString());
    });
    if (!outcome.ok && outcome.blocked && !job.blockedCause) {
      // Once when it starts, not every 15 minutes: the dashboard keeps saying it while it lasts.
      logger.warn('an outbox delivery is blocked until an administrator acts', { job: job.id, kind: job.kind, cause: outcome.blocked, error: outcome.error });
    } else if (!outcome.ok && outcome.blocked) {
      logger.debug('an outbox delivery is still blocked', { job: job.id, kind: job.kind, cause: outcome.blocked });
    } else if (!outcome.ok && outcome.held === 'first') {
      // Each person once, not each message: in local mode nobody is reachable until they open the Playground.
      logger.info('a person cannot be reached in Teams yet; their messages wait until they open ECM for Teams', {
        recipient: job.recipient,
        error: outcome.error,
      });
    } else if (!outcome.ok && !outcome.deferred && !outcome.held) {
      logger[outcome.permanent ? 'warn' : 'info']('outbox delivery failed', {
        job: job.id,
        kind: job.kind,
        attempts: job.attempts + 1,
        permanent: outcome.permanent,
        error: outcome.error,
      });
    }
  }

  /** Claims what is due, up to a batch in hand, and starts delivering it; returns the jobs started. */
  async function fill(): Promise<OutboxJob[]> {
    const room = batchSize - held.size;
    if (kinds.length === 0 || room <= 0 || stopped) return [];
    const now = clock.now();
    if (!startedUp) {
      // A restart often follows a fix (a new secret, a restored grant): blocked jobs are tried at once.
      await store.transaction((tx) => tx.outbox.retryNow({ statuses: ['blocked'] }, now.toISOString()));
      startedUp = true;
    }
    const jobs = await store.transaction((tx) => tx.outbox.claim(workerId, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), room, kinds));
    for (const job of jobs) {
      // One person's jobs one after another: per-person limits and "cannot be reached" count what went before.
      const before = job.recipient ? (lastFor.get(job.recipient) ?? Promise.resolve()) : Promise.resolve();
      const delivery = before
        .then(() => places.run(() => (stopped ? Promise.resolve() : deliver(job))))
        .catch((error) => {
          // The job keeps its lease until it runs out, then is tried again: nothing is lost.
          if (error instanceof StoreUnavailableError) logger.debug('an outbox delivery waits for the database', { error: describeError(error) });
          else logger.error('an outbox delivery could not be recorded', { job: job.id, error: describeError(error) });
        })
        .finally(() => {
          held.delete(job.id);
          if (job.recipient && lastFor.get(job.recipient) === delivery) lastFor.delete(job.recipient);
          // A place and room in hand: look for more at once rather than at the next poll.
          if (!stopped && autoStart) schedule(0);
        });
      held.set(job.id, delivery);
      if (job.recipient) lastFor.set(job.recipient, delivery);
    }
    return jobs;
  }

  async function runOnce(): Promise<number> {
    await started;
    const jobs = await fill();
    await Promise.all(jobs.map((j) => held.get(j.id)));
    return jobs.length;
  }

  /** Keeps the leases of the jobs in hand alive, so a short lease never lets another instance take a job being delivered. */
  async function renew(): Promise<void> {
    if (held.size === 0) return;
    const now = clock.now();
    await store.transaction((tx) => tx.outbox.renew([...held.keys()], workerId, new Date(now.getTime() + leaseMs).toISOString()));
  }

  function schedule(delay: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (filling) return;
      filling = started
        .then(fill)
        .then((jobs) => jobs.length)
        .catch((error) => {
          // The store reports an outage once; the worker simply tries again at its next pass.
          if (error instanceof StoreUnavailableError) logger.debug('outbox worker pass waits for the database', { error: describeError(error) });
          else logger.error('outbox worker pass failed', { error: describeError(error) });
          return 0;
        })
        .then((n) => {
          filling = null;
          // Room left after a full claim suggests more is waiting: go again at once.
          if (!timer) schedule(n > 0 && held.size < batchSize ? 0 : options.pollMs);
          return n;
        });
    }, delay);
    timer.unref?.();
  }

  if (autoStart) {
    // What this instance held when it last stopped is its own to take back now, not when the leases run out.
    started = store
      .transaction((tx) => tx.outbox.releaseAll(workerId, clock.now().toISOString()))
      .then((n) => {
        if (n) logger.info('outbox: taking back the jobs this instance held when it stopped', { jobs: n });
      })
      .catch((error) => logger.debug('outbox worker could not take back its jobs yet; their leases will run out', { error: describeError(error) }));
    schedule(0);
    renewer = setInterval(
      () => {
        renew().catch((error) => logger.debug('outbox lease renewal waits for the database', { error: describeError(error) }));
      },
      Math.max(50, Math.floor(leaseMs / 4)),
    );
    renewer.unref?.();
  }

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (renewer) clearInterval(renewer);
      await filling;
      await Promise.all(held.values());
    },
  };
}
