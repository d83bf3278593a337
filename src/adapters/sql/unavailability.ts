import { StoreUnavailableError, type Store } from '../../ports/store.js';

/** Told once when the database stops answering, and once when it answers again. */
export interface OutageReport {
  began(error: unknown): void;
  /** `failures`: the transactions refused during the outage. */
  ended(failures: number): void;
}

/**
 * An outage ends with a success this long after its last failure. A database that is only partly
 * there (SQLite busy for writes while reads go on; a flapping network) is one outage, not many.
 */
const SETTLED_MS = 2000;

/**
 * The store as its callers see it: a driver's "cannot reach the database" errors, whatever their
 * shape, become one StoreUnavailableError; any other error passes through unchanged. An outage is
 * reported when the first request fails and ends with a success once failures have stopped, so a
 * minute of outage under load is two log lines, not one per request.
 */
export function answeringUnavailable(store: Store, isUnavailable: (error: unknown) => boolean, report?: OutageReport): Store {
  let down = false;
  let failures = 0;
  let lastFailureAt = 0;
  const failed = (error: unknown): unknown => {
    if (!(error instanceof StoreUnavailableError) && !isUnavailable(error)) return error;
    failures += 1;
    lastFailureAt = Date.now();
    if (!down) {
      down = true;
      report?.began(error);
    }
    return error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
  };
  const answered = () => {
    if (!down || Date.now() - lastFailureAt < SETTLED_MS) return;
    down = false;
    report?.ended(failures);
    failures = 0;
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
    async autocommit(work) {
      try {
        const result = await store.autocommit(work);
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
