import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import type { Clock } from '../ports/clock.js';
import type { WriteTally } from '../ports/writeTally.js';
import { principal } from './auth.js';
import { body } from './errors.js';

const WINDOW_MS = 60_000;
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * express-rate-limit's store over the write tally, in fixed windows of a minute by the clock given.
 * The tally decides where counts live: in this process, or in the database instances share.
 */
function tallyStore(tally: WriteTally, clock: Clock): Store {
  const windowStart = () => Math.floor(clock.now().getTime() / WINDOW_MS) * WINDOW_MS;
  return {
    async increment(key) {
      const start = windowStart();
      const totalHits = await tally.count(key, new Date(start).toISOString());
      return { totalHits, resetTime: new Date(start + WINDOW_MS) };
    },
    decrement: (key) => tally.takeBack(key, new Date(windowStart()).toISOString()),
    resetKey: (key) => tally.forget(key),
  };
}

/** Each person may make so many changes a minute, however many instances they reach; reading is not limited. */
export function writeLimit(o: { tally: WriteTally; clock: Clock; writesPerMinute: number }): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: o.writesPerMinute,
    store: tallyStore(o.tally, o.clock),
    skip: (req) => !WRITE_METHODS.has(req.method),
    keyGenerator: (_req, res) => principal(res).staffId,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json(body('rate_limited', 'Too many changes in a minute; wait a moment and try again.'));
    },
  });
}
