import { describeError, type Logger } from '../lib/logger.js';
import { StoreUnavailableError } from '../ports/store.js';

/**
 * Runs a scan shortly after start-up and then every `everyMinutes`; 0 never. Each scan queues its
 * work in the outbox under dedupe keys, so two instances scanning at once, or a restart, send nothing
 * twice.
 */
export function startScheduledScan(name: string, scan: () => Promise<number>, logger: Logger, everyMinutes: number): { stop(): void } {
  if (everyMinutes <= 0) return { stop() {} };
  const run = () =>
    scan()
      .then((n) => n > 0 && logger.info(`${name} queued`, { count: n }))
      .catch((error) =>
        // An outage is reported once by the store; the next scan catches up.
        (error instanceof StoreUnavailableError ? logger.debug : logger.error)(`${name} scan failed`, { error: describeError(error) }),
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
