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
export function deliveryResultOf(o: SendOutcome): DeliveryResult {
  if (o.ok) return { ok: true };
  const error = `${o.status ?? 'no answer'}${o.code ? ` ${o.code}` : ''}: ${o.error}`.slice(0, 500);
  if (o.status === 403) return { ok: false, permanent: true, error, unreachable: o.code && BLOCKED.has(o.code) ? 'bot_blocked' : 'app_removed' };
  if (o.status === 404) return { ok: false, permanent: true, error, unreachable: 'conversation_not_found' };
  if (o.status === 429) return { ok: false, permanent: false, error, retryAfterMs: o.retryAfterMs ?? THROTTLED_WAIT_MS };
  // 400 and 413: the message itself is wrong; sending it again cannot help.
  if (o.status === 400 || o.status === 413) return { ok: false, permanent: true, error };
  return { ok: false, permanent: false, error, ...(o.retryAfterMs !== null ? { retryAfterMs: o.retryAfterMs } : {}) };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
