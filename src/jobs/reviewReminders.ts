import type { AppDeps } from '../app/deps.js';
import { queueReviewReminders } from '../app/meetings/queueReviewReminders.js';
import { describeError, type Logger } from '../lib/logger.js';
import { StoreUnavailableError } from '../ports/store.js';

/** Runs the scan now and then every `everyMinutes`; 0 never. */
export function startReviewReminders(deps: AppDeps, logger: Logger, everyMinutes: number): { stop(): void } {
  if (everyMinutes <= 0) return { stop() {} };
  const run = () =>
    queueReviewReminders(deps)
      .then((n) => n > 0 && logger.info('review reminders queued', { count: n }))
      .catch((error) =>
        // An outage is reported once by the store; the next scan catches up.
        (error instanceof StoreUnavailableError ? logger.debug : logger.error)('review reminder scan failed', { error: describeError(error) }),
      );
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
