import type { RequestHandler } from 'express';
import { StoreUnavailableError, type Store } from '../ports/store.js';

/** A load balancer asks often and waits little: /readyz answers within this, whatever the database does. */
export const READY_WITHIN_MS = 1000;

/**
 * GET /readyz: 200 `{ status: 'ready' }` when every dependency answers in time; otherwise 503
 * `{ status: 'unavailable', down: [...] }` naming those that did not, with Retry-After. The
 * database is the only dependency a request cannot do without (Microsoft 365 failures are
 * answered per request, and queued work waits in the outbox).
 */
export function readiness(store: Store): RequestHandler {
  const databaseAnswers = answersWithin(READY_WITHIN_MS, () => store.ping());
  return async (_req, res) => {
    if (await databaseAnswers()) return void res.json({ status: 'ready' });
    res.set('Retry-After', String(StoreUnavailableError.retryAfterSeconds));
    res.status(503).json({ status: 'unavailable', down: ['database'] });
  };
}

/**
 * Whether `check` says yes within `ms`. Asked again while a check is still running, it waits on
 * that one: a stalled database sees one probe, not one per request.
 */
function answersWithin(ms: number, check: () => Promise<boolean>): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  return () => {
    running ??= check()
      .catch(() => false)
      .finally(() => (running = null));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((ok) => (timer = setTimeout(() => ok(false), ms)));
    return Promise.race([running, late]).finally(() => clearTimeout(timer));
  };
}
