import type { RequestHandler } from 'express';
import type { Logger } from '../lib/logger.js';
import type { SetupCheck } from '../ports/setupCheck.js';
import { StoreUnavailableError, type Store } from '../ports/store.js';

/** A load balancer asks often and waits little: /readyz answers within this, whatever the database does. */
export const READY_WITHIN_MS = 1000;

/**
 * GET /readyz: 200 `{ status: 'ready' }` when every dependency answers in time; otherwise 503
 * `{ status: 'unavailable', down: [...] }` naming those that did not, with Retry-After. The
 * database is the one dependency no request can do without. In Microsoft 365 mode the cheap part
 * of the doctor's checks (`setup`, run in the background) counts too: when an essential one fails
 * (TLS trust, Entra ID's signing keys, the app's token) nobody can sign in or reach Microsoft 365,
 * and the answer is 503 naming the check, the setting and the README step. A service's library
 * out of reach is listed under `warnings`: the other services still work.
 */
export function readiness(store: Store, setup?: SetupWatch): RequestHandler {
  const databaseAnswers = answersWithin(READY_WITHIN_MS, () => store.ping());
  return async (_req, res) => {
    const database = await databaseAnswers();
    const checks = setup?.latest() ?? [];
    const failing = checks.filter((c) => !c.ok && c.essential).map(shown);
    const warnings = checks.filter((c) => !c.ok && !c.essential).map(shown);
    if (database && !failing.length) return void res.json({ status: 'ready', ...(warnings.length ? { warnings } : {}) });
    res.set('Retry-After', String(database ? SETUP_RETRY_AFTER_SECONDS : StoreUnavailableError.retryAfterSeconds));
    res.status(503).json({
      status: 'unavailable',
      down: [...(database ? [] : ['database']), ...(failing.length ? ['microsoft365'] : [])],
      ...(failing.length ? { failing } : {}),
      ...(warnings.length ? { warnings } : {}),
    });
  };
}

const SETUP_RETRY_AFTER_SECONDS = 60;
const shown = (c: SetupCheck) => ({ check: c.check, detail: c.detail, ...(c.setting ? { setting: c.setting } : {}), ...(c.fix ? { fix: c.fix } : {}) });

export interface SetupWatch {
  /** The last checks' results; empty until the first run has finished. */
  latest(): SetupCheck[];
  /** The first run, started at once. */
  firstRun: Promise<SetupCheck[]>;
  /** Runs the checks now (the watch also does every `everyMs`). */
  refresh(): Promise<SetupCheck[]>;
  stop(): void;
}

/**
 * Runs `run` at once and then in the background, every `everyMs` (sooner while something fails,
 * so a fixed setting shows quickly), and keeps the last results for /readyz: a load balancer's
 * probe never waits on Microsoft 365. Each change of outcome is logged once.
 */
export function watchSetup(run: () => Promise<SetupCheck[]>, logger: Logger, everyMs = 5 * 60_000): SetupWatch {
  let latest: SetupCheck[] = [];
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let last = '';
  const refresh = async () => {
    try {
      latest = await run();
    } catch (error) {
      logger.warn('the Microsoft 365 set-up checks could not run', { error: error instanceof Error ? error.message : String(error) });
    }
    const failing = latest.filter((c) => !c.ok);
    const summary = failing.map((c) => c.check).join(',');
    if (summary !== last) {
      last = summary;
      for (const c of failing) {
        logger.warn('Microsoft 365 set-up: a check fails (npm run doctor says more)', { check: c.check, detail: c.detail, setting: c.setting, fix: c.fix });
      }
      if (!failing.length) logger.info('Microsoft 365 set-up: every check passes');
    }
    if (!stopped) {
      timer = setTimeout(() => void refresh(), failing.some((c) => c.essential) ? Math.min(everyMs, 30_000) : everyMs);
      timer.unref?.();
    }
    return latest;
  };
  const first = refresh();
  return {
    latest: () => latest,
    firstRun: first,
    refresh: async () => {
      await first;
      if (timer) clearTimeout(timer);
      return refresh();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
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
