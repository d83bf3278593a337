import type { z } from 'zod';
import type { BlockCause } from '../domain/deliveryBlock.js';

/**
 * Anything that must reach an outside system is first committed as a job, then delivered with
 * retries. A crash or an outage delays delivery; it never loses it.
 */
export interface OutboxJob {
  id: string;
  /** What to do, e.g. "document.publish" or "notify.send"; a deliverer is registered per kind. */
  kind: string;
  payload: unknown;
  /** Two jobs with the same key are one job: enqueueing again does nothing. */
  dedupeKey: string | null;
  /** Who the job is for (a staff id), for per-recipient limits and the tab's "cannot reach" list. */
  recipient: string | null;
  caseId: string | null;
  serviceId: string | null;
  /**
   * dead: gave up after retries, shown to people; skipped: deliberately never sent; blocked: the
   * tenant's set-up refuses it until someone acts (domain/deliveryBlock.ts), tried again slowly.
   */
  status: 'pending' | 'done' | 'dead' | 'skipped' | 'blocked';
  attempts: number;
  /** Times a worker has taken the job up, this time included: 1 means nothing of it can have been done before. */
  claims: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** While blocked: what refuses it, and since when (the slow schedule gives up 14 days on). */
  blockedCause?: BlockCause | null;
  blockedSince?: string | null;
  /** Until when a worker holds the job: while in the future, it is being delivered. */
  leasedUntil?: string | null;
}

export type NewOutboxJob = Pick<OutboxJob, 'kind' | 'payload'> & Partial<Pick<OutboxJob, 'dedupeKey' | 'recipient' | 'caseId' | 'serviceId' | 'nextAttemptAt'>>;

export interface OutboxRepository {
  /** True when the job is new; false when a job with its dedupe key was already there (and nothing changed). */
  enqueue(job: NewOutboxJob & { id: string; now: string }): Promise<boolean>;
  /**
   * Takes up to `limit` due jobs for this worker until `leaseUntil`. A job leased by another worker
   * is skipped, so several instances never deliver one job twice.
   */
  claim(workerId: string, now: string, leaseUntil: string, limit: number, kinds?: string[]): Promise<OutboxJob[]>;
  complete(id: string, workerId: string, now: string): Promise<void>;
  /** Extends this worker's leases on jobs it is still delivering; returns the ids it still holds. */
  renew(ids: string[], workerId: string, leaseUntil: string): Promise<string[]>;
  /**
   * Lets go of every lease this worker id holds, so that its jobs are due again at once: a
   * restarted instance (same id) takes back what it was doing when it stopped. Returns how many.
   */
  releaseAll(workerId: string, now: string): Promise<number>;
  /** Records a failed attempt: retry at `retryAt`, or give up (dead) when it is null. */
  fail(id: string, workerId: string, error: string, retryAt: string | null, now: string): Promise<void>;
  list(filter: { status?: OutboxJob['status']; kind?: string; serviceId?: string; caseId?: string; recipient?: string }, limit: number): Promise<OutboxJob[]>;
  /**
   * Records that the tenant's set-up refused the job: it waits as blocked until `retryAt`, keeping
   * its attempts (waiting for an administrator must never bring it closer to being given up) and
   * the moment it was first blocked.
   */
  block(id: string, workerId: string, cause: BlockCause, error: string, retryAt: string, now: string): Promise<void>;
  /**
   * Makes blocked and given-up jobs due now, when a person asks (the service's dashboard) or the
   * server starts: one job by id, or all of a service's (any service when absent), message jobs
   * apart (they wait for their person instead). Returns the ids made due.
   */
  retryNow(filter: { serviceId?: string; id?: string; statuses: ('blocked' | 'dead')[]; exceptKind?: string }, now: string): Promise<string[]>;
  /** Marks pending jobs of a kind created before `before` as skipped, with the reason; returns how many. */
  skipPending(kind: string, before: string, reason: string): Promise<number>;
  /**
   * Puts a claimed job back to wait until `retryAt` without counting an attempt: it was not tried
   * (a per-recipient limit), so waiting must never bring it closer to being given up.
   */
  postpone(id: string, workerId: string, reason: string, retryAt: string, now: string): Promise<void>;
  /** When this recipient's jobs of `kind` were delivered after `since`, oldest first: for the per-user rate limit. */
  deliveredSince(recipient: string, kind: string, since: string): Promise<string[]>;
  /** Gives this recipient's given-up jobs of `kind` created since `since` another life, due now; returns how many. */
  revive(recipient: string, kind: string, since: string, now: string): Promise<number>;
  /** Jobs of this recipient and kind prefix created since `since`: for the per-user rate limit. */
  countRecent(recipient: string, kindPrefix: string, since: string): Promise<number>;
}

/**
 * What delivering one job came to. `retryAfterMs` is the outside system's own Retry-After.
 * `deferred`: the job was not tried (a per-recipient limit); it waits `retryAfterMs` and keeps its attempts.
 * `held`: the job waits for a person to do something (open the app) and is sent again when they do:
 * not a fault. `first` when this job found it out (worth one line in the log), `again` after that.
 * `blocked`: the tenant's set-up refuses it (jobs/failureKind.ts); it waits for an administrator.
 */
export type DeliveryOutcome =
  { ok: true } | { ok: false; permanent: boolean; retryAfterMs?: number; error: string; deferred?: boolean; held?: 'first' | 'again'; blocked?: BlockCause };

/** Delivers one job of a kind: what the outbox worker calls, once per attempt. */
export type Deliverer = (job: OutboxJob) => Promise<DeliveryOutcome>;

/**
 * One kind of background job, in one module: its name in the outbox, the shape of its payload
 * (checked again when the job runs: the outbox is storage, not a promise of its shape) and how it
 * is delivered. The module also says how it is queued; src/jobs/registry.ts lists every kind.
 */
export interface JobKind<Payload, Deps> {
  kind: string;
  payload: z.ZodType<Payload>;
  /** The reason given when a stored payload does not parse: the job is given up, as retrying cannot mend it. */
  malformed: string;
  deliver(deps: Deps, payload: Payload, job: OutboxJob): Promise<DeliveryOutcome>;
}
