import type { DeliveryResult } from '../src/ports/notifier.js';

/** What the chat platform answered to one proactive send, stripped of the SDK's error classes. */
export type SendOutcome = { ok: true } | { ok: false; status: number | null; code: string | null; retryAfterMs: number | null; error: string };

/** Teams' 403 codes for a person who turned the bot away rather than removed the app. */
const BLOCKED = new Set(['ConversationBlockedByUser', 'BotDisabledByAdmin']);

const THROTTLED_WAIT_MS = 60_000;

/**
 * What a failed send means for the outbox. 403 and 404 are about the recipient, not the moment:
 * they will not get better by retrying, so they are permanent and the person is marked unreachable.
 * 429 waits as long as Teams asks. Anything else may pass: retry with back-off.
 */
export function deliveryResultOf(outcome: SendOutcome): DeliveryResult {
  if (outcome.ok) return { ok: true };
  const error = `${outcome.status ?? 'no answer'}${outcome.code ? ` ${outcome.code}` : ''}: ${outcome.error}`.slice(0, 500);
  if (outcome.status === 403)
    return { ok: false, permanent: true, error, unreachable: outcome.code && BLOCKED.has(outcome.code) ? 'bot_blocked' : 'app_removed' };
  if (outcome.status === 404) return { ok: false, permanent: true, error, unreachable: 'conversation_not_found' };
  if (outcome.status === 429) return { ok: false, permanent: false, error, retryAfterMs: outcome.retryAfterMs ?? THROTTLED_WAIT_MS };
  // 400 and 413: the message itself is wrong; sending it again cannot help.
  if (outcome.status === 400 || outcome.status === 413) return { ok: false, permanent: true, error };
  return { ok: false, permanent: false, error, ...(outcome.retryAfterMs !== null ? { retryAfterMs: outcome.retryAfterMs } : {}) };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
