import type { AppDeps } from '../app/deps.js';
import { queueReviewReminders } from '../app/meetings/queueReviewReminders.js';
import { queueActionReminders } from '../app/plan/queueActionReminders.js';
import { describeError, type Logger } from '../lib/logger.js';
import { StoreUnavailableError } from '../ports/store.js';

/** One pass of every reminder scan: reviews due or overdue, then actions fallen due. Each failure is logged apart. */
export async function runReminderScans(deps: AppDeps, logger: Logger): Promise<void> {
  const scans = [
    { scan: queueReviewReminders, what: 'review reminder' },
    { scan: queueActionReminders, what: 'action reminder' },
  ];
  for (const { scan, what } of scans) {
    await scan(deps)
      .then((n) => n > 0 && logger.info(`${what}s queued`, { count: n }))
      .catch((error) =>
        // An outage is reported once by the store; the next scan catches up.
        (error instanceof StoreUnavailableError ? logger.debug : logger.error)(`${what} scan failed`, { error: describeError(error) }),
      );
  }
}

/** Runs the reminder scans now and then every `everyMinutes`; 0 never. */
export function startReviewReminders(deps: AppDeps, logger: Logger, everyMinutes: number): { stop(): void } {
  if (everyMinutes <= 0) return { stop() {} };
  const run = () => void runReminderScans(deps, logger);
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMinutes * 60_000);
  first.unref?.();
  timer.unref?.();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
