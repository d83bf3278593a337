import { describe, expect, it } from 'vitest';
import { deliveryResultOf, retryAfterMs } from '../../bot/sendFailures.js';

const failed = (status: number | null, code: string | null = null, wait: number | null = null) => ({
  ok: false as const,
  status,
  code,
  retryAfterMs: wait,
  error: 'x',
});

describe('what a failed send means', () => {
  it('a removed app, a blocked bot and a vanished chat are about the person: permanent, and unreachable', () => {
    expect(deliveryResultOf(failed(403, 'BotNotInConversationRoster'))).toMatchObject({ permanent: true, unreachable: 'app_removed' });
    expect(deliveryResultOf(failed(403, 'ConversationBlockedByUser'))).toMatchObject({ permanent: true, unreachable: 'bot_blocked' });
    expect(deliveryResultOf(failed(404, 'ConversationNotFound'))).toMatchObject({ permanent: true, unreachable: 'conversation_not_found' });
  });

  it('throttling waits as asked, or a minute when Teams does not say', () => {
    expect(deliveryResultOf(failed(429, 'Throttled', 7000))).toEqual({ ok: false, permanent: false, retryAfterMs: 7000, error: '429 Throttled: x' });
    expect(deliveryResultOf(failed(429))).toMatchObject({ permanent: false, retryAfterMs: 60_000 });
  });

  it('a bad message is not retried; an outage is', () => {
    expect(deliveryResultOf(failed(400, 'BadArgument'))).toMatchObject({ permanent: true });
    expect(deliveryResultOf(failed(400, 'BadArgument'))).not.toHaveProperty('unreachable');
    expect(deliveryResultOf(failed(503))).toMatchObject({ permanent: false });
    expect(deliveryResultOf(failed(null))).toMatchObject({ permanent: false });
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Fri, 27 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
