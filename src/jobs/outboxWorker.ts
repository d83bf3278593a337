import { randomUUID } from 'node:crypto';
import { BLOCKED_FOR_MS, BLOCKED_RETRY_MS } from '../domain/deliveryBlock.js';
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
  leaseMs?: number;
  batchSize?: number;
  workerId?: string;
}

export interface OutboxWorker {
  /** Delivers what is due now; returns how many jobs it attempted. */
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
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 20;
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const kinds = Object.keys(deliverers);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
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

  async function runOnce(): Promise<number> {
    if (kinds.length === 0) return 0;
    const now = clock.now();
    if (!startedUp) {
      // A restart often follows a fix (a new secret, a restored grant): blocked jobs are tried at once.
      await store.transaction((tx) => tx.outbox.retryNow({ statuses: ['blocked'] }, now.toISOString()));
      startedUp = true;
    }
    const jobs = await store.transaction((tx) =>
      tx.outbox.claim(workerId, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), batchSize, kinds),
    );
    for (const job of jobs) {
      if (stopped) break;
      await deliver(job);
    }
    return jobs.length;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error) => {
          // The store reports an outage once; the worker simply tries again at its next pass.
          if (error instanceof StoreUnavailableError) logger.debug('outbox worker pass waits for the database', { error: describeError(error) });
          else logger.error('outbox worker pass failed', { error: describeError(error) });
          return 0;
        })
        .then((n) => {
          running = null;
          // A full batch suggests more is waiting: go again at once.
          schedule(n >= batchSize ? 0 : options.pollMs);
          return n;
        });
    }, delay);
    timer.unref?.();
  }

  if (autoStart) schedule(0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
