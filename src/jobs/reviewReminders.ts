import type { AppDeps } from '../app/deps.js';
import { queueReviewReminders } from '../app/meetings/queueReviewReminders.js';
import { queueActionReminders } from '../app/plan/queueActionReminders.js';
import { queueTransitionReminders } from '../app/transition/queueTransitionReminders.js';
import { describeError, type Logger } from '../lib/logger.js';
import { StoreUnavailableError } from '../ports/store.js';
import { startScheduledScan } from './scheduledScan.js';

/** One pass of every reminder scan: reviews due or overdue, actions fallen due, transition plans due. Each failure is logged apart. */
export async function runReminderScans(deps: AppDeps, logger: Logger): Promise<number> {
  const scans = [
    { scan: queueReviewReminders, what: 'review reminder' },
    { scan: queueActionReminders, what: 'action reminder' },
    { scan: queueTransitionReminders, what: 'transition reminder' },
  ];
  let queued = 0;
  for (const { scan, what } of scans) {
    await scan(deps)
      .then((n) => {
        queued += n;
        if (n > 0) logger.info(`${what}s queued`, { count: n });
      })
      .catch((error) =>
        // An outage is reported once by the store; the next scan catches up.
        (error instanceof StoreUnavailableError ? logger.debug : logger.error)(`${what} scan failed`, { error: describeError(error) }),
      );
  }
  return queued;
}

/** Runs the reminder scans now and then every `everyMinutes`; 0 never. */
export function startReviewReminders(deps: AppDeps, logger: Logger, everyMinutes: number): { stop(): void } {
  // Each scan logs its own count and failures, so the timer reports nothing more (it is given 0).
  return startScheduledScan('reminders', () => runReminderScans(deps, logger).then(() => 0), logger, everyMinutes);
}
