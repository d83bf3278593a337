/**
 * A call to an outside system (Graph, Entra ID) that failed, carrying what the outbox needs to
 * decide what next: whether trying again can help, and how long the service asked us to wait.
 * Messages carry ids and status codes only, never case content or tokens.
 */
export class OutsideServiceError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
    /** The service's own Retry-After, in milliseconds, when it sent one. */
    readonly retryAfterMs: number | null = null,
    /** True when trying again cannot help (bad request, no permission, not found). */
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'OutsideServiceError';
  }
}
