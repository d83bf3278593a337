import type { BlockCause } from '../domain/deliveryBlock.js';
import { describeError } from '../lib/logger.js';
import { OutsideServiceError } from '../lib/outsideServiceError.js';
import type { DeliveryOutcome } from '../ports/outbox.js';

/**
 * What a failed delivery is, by kind, so the outbox treats each as it deserves:
 * - transient (429, 5xx, timeouts, a dropped connection): back off, honouring Retry-After;
 * - blocked (401, 403, invalid_client, a missing library): the tenant's set-up refuses it until an
 *   administrator acts, so it waits, tried again slowly, saying who must act (domain/deliveryBlock.ts);
 * - permanent (a request Microsoft 365 will never accept): given up, with the reason.
 */
export type FailureKind = { kind: 'transient'; retryAfterMs: number | null } | { kind: 'blocked'; cause: BlockCause } | { kind: 'permanent' };

/** Entra ID's OAuth error codes that mean the app's own registration or secret is refused. */
const SECRET_REFUSED = new Set(['invalid_client']);
const APP_REFUSED = new Set(['unauthorized_client', 'consent_required', 'invalid_resource']);

export function classifyFailure(error: OutsideServiceError, jobKind: string): FailureKind {
  if (SECRET_REFUSED.has(error.code)) return { kind: 'blocked', cause: 'app_secret_rejected' };
  if (APP_REFUSED.has(error.code)) return { kind: 'blocked', cause: 'app_not_authorised' };
  if (error.code === 'not_configured') return { kind: 'blocked', cause: 'library_not_configured' };
  if (error.code === 'driveNotFound') return { kind: 'blocked', cause: 'library_missing' };
  if (error.status === 401) return { kind: 'blocked', cause: 'token_refused' };
  if (error.status === 403) {
    if (jobKind.startsWith('document')) return { kind: 'blocked', cause: 'site_access_denied' };
    if (jobKind.startsWith('calendar')) return { kind: 'blocked', cause: 'calendar_access_denied' };
    return { kind: 'blocked', cause: 'access_denied' };
  }
  if (error.permanent) return { kind: 'permanent' };
  return { kind: 'transient', retryAfterMs: error.retryAfterMs };
}

/** A deliverer's thrown error as the outcome the worker acts on. */
export function outcomeOfError(error: unknown, jobKind: string): DeliveryOutcome {
  if (!(error instanceof OutsideServiceError)) return { ok: false, permanent: false, error: describeError(error) };
  const kind = classifyFailure(error, jobKind);
  const base = { ok: false as const, error: describeError(error) };
  switch (kind.kind) {
    case 'blocked':
      return { ...base, permanent: false, blocked: kind.cause };
    case 'permanent':
      return { ...base, permanent: true };
    case 'transient':
      return { ...base, permanent: false, ...(kind.retryAfterMs !== null ? { retryAfterMs: kind.retryAfterMs } : {}) };
  }
}
