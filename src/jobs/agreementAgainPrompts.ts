import type { AppDeps } from '../app/deps.js';
import { queueAgreementAgainPrompts } from '../app/agreement/queueAgreementAgainPrompts.js';
import type { Logger } from '../lib/logger.js';
import { startScheduledScan } from './scheduledScan.js';

/** Looks for young people who have turned 16 or 18 since they agreed, now and then every `everyMinutes`; 0 never. */
export function startAgreementAgainPrompts(deps: AppDeps, logger: Logger, everyMinutes: number): { stop(): void } {
  return startScheduledScan('agreement-again prompts', () => queueAgreementAgainPrompts(deps), logger, everyMinutes);
}
