import type { AppDeps } from '../app/deps.js';
import { queueReviewReminders } from '../app/meetings/queueReviewReminders.js';
import type { Logger } from '../lib/logger.js';
import { startScheduledScan } from './scheduledScan.js';

/** Runs the scan now and then every `everyMinutes`; 0 never. */
export function startReviewReminders(deps: AppDeps, logger: Logger, everyMinutes: number): { stop(): void } {
  return startScheduledScan('review reminders', () => queueReviewReminders(deps), logger, everyMinutes);
}
