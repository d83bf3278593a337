import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/deps.js';
import { claimRequest, keepAnswer, releaseRequest } from '../app/requests/answerOnce.js';
import { describeError, type Logger } from '../lib/logger.js';
import { principal } from './auth.js';
import { HttpError } from './errors.js';

/** What a repeat of a request is given: the first answer, as it was sent. */
interface KeptAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Headers of the first answer that a repeat needs too (the created record's version and address). */
const REPEATED_HEADERS = ['etag', 'location'];

const keySchema = z.string().regex(/^[A-Za-z0-9_.:-]{8,200}$/);

const fingerprintOf = (method: string, url: string, ifMatch: string | undefined, body: unknown) =>
  createHash('sha256')
    .update(JSON.stringify([method, url, ifMatch ?? null, body ?? null]))
    .digest('hex');

/**
 * Honours `Idempotency-Key` on a POST: the first request under a key does the work and its
 * successful answer is kept; a repeat by the same person gets that answer again (marked
 * `Idempotent-Replayed: true`) and changes nothing. A failure keeps nothing, so the client may try
 * again with the same key.
 */
export function idempotentPosts(deps: AppDeps, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('Idempotency-Key');
    if (req.method !== 'POST' || header === undefined) return next();
    const key = keySchema.safeParse(header);
    if (!key.success) {
      return next(new HttpError(400, 'validation_failed', 'Idempotency-Key must be 8 to 200 letters, digits or . _ : - (a UUID is ideal).'));
    }
    const person = principal(res);
    const request = { key: key.data, fingerprint: fingerprintOf(req.method, req.originalUrl, req.get('If-Match'), req.body) };
    const claim = await claimRequest<KeptAnswer>(deps, person, request);
    switch (claim.outcome) {
      case 'repeat':
        res.set(claim.answer.headers).set('Idempotent-Replayed', 'true');
        return claim.answer.body === null ? res.status(claim.answer.status).end() : res.status(claim.answer.status).json(claim.answer.body);
      case 'different_request':
        return next(
          new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key for a new change.'),
        );
      case 'still_working':
        res.set('Retry-After', '5');
        return next(new HttpError(409, 'conflict', 'The same request is still being worked on; try again in a moment.'));
      case 'first':
        break;
    }
    let settled = false;
    /** Keeps a success before it is sent, so a client that has the answer finds it kept; anything else frees the key. */
    const settle = async (status: number, body: unknown) => {
      if (settled) return;
      settled = true;
      try {
        if (status >= 200 && status < 300) {
          const headers = Object.fromEntries(REPEATED_HEADERS.flatMap((h) => (res.get(h) ? [[h, String(res.get(h))]] : [])));
          await keepAnswer<KeptAnswer>(deps, person, request.key, claim.claimId, { status, body, headers });
        } else {
          await releaseRequest(deps, person, request.key, claim.claimId);
        }
      } catch (error) {
        logger.error('an idempotent answer could not be kept', { error: describeError(error) });
      }
    };
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      void settle(res.statusCode, body).finally(() => send(body));
      return res;
    };
    res.on('finish', () => void settle(res.statusCode, null));
    return next();
  };
}
