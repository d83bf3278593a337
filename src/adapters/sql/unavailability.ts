import { StoreUnavailableError, type Store } from '../../ports/store.js';

/** Told once when the database stops answering, and once when it answers again. */
export interface OutageReport {
  began(error: unknown): void;
  ended(): void;
}

/**
 * The store as its callers see it: a driver's "cannot reach the database" errors, whatever their
 * shape, become one StoreUnavailableError; any other error passes through unchanged. An outage is
 * reported when the first request fails and ends with the first that succeeds, so a minute of
 * outage under load is two log lines, not one per request.
 */
export function answeringUnavailable(store: Store, isUnavailable: (error: unknown) => boolean, report?: OutageReport): Store {
  let down = false;
  const failed = (error: unknown): unknown => {
    if (!(error instanceof StoreUnavailableError) && !isUnavailable(error)) return error;
    if (!down) {
      down = true;
      report?.began(error);
    }
    return error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
  };
  const answered = () => {
    if (!down) return;
    down = false;
    report?.ended();
  };
  return {
    async transaction(work) {
      try {
        const result = await store.transaction(work);
        answered();
        return result;
      } catch (error) {
        throw failed(error);
      }
    },
    async ping() {
      const ok = await store.ping();
      if (ok) answered();
      return ok;
    },
    close: () => store.close(),
  };
}

/** An error, its cause and the errors it gathers (a connection tried on several addresses), in turn. */
export function* errorChain(error: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (typeof error !== 'object' || error === null || depth > 4) return;
  yield error as { code?: unknown; message?: unknown };
  if ('cause' in error) yield* errorChain(error.cause, depth + 1);
  if (error instanceof AggregateError) for (const e of error.errors) yield* errorChain(e, depth + 1);
}

/** The operating system's words for a network path that failed. */
export const NETWORK_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
