import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { InvalidCursorError, StoreUnavailableError } from '../ports/store.js';
import { describeError, type Logger } from '../lib/logger.js';
import { OutsideServiceError } from '../lib/outsideServiceError.js';

/** One envelope for every error: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  forbidden: 403,
  terms_required: 403,
  validation_failed: 400,
  rule_violation: 422,
  conflict: 409,
  gone: 410,
  possible_duplicate: 409,
  precondition_failed: 412,
  precondition_required: 428,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/** What body-parser says when the body is not what we accept. */
function parserError(error: unknown): HttpError | null {
  const e = error as { type?: string; status?: number };
  switch (e?.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    default:
      return null;
  }
}

/**
 * An address no route can read: express cannot decode a percent-escape in a path parameter
 * (`/cases/%zz`). A scanner sends these by the thousand, so it is the caller's mistake, not ours.
 */
const malformedPath = (error: unknown): HttpError | null =>
  error instanceof URIError ? new HttpError(400, 'malformed_path', 'The address has a malformed percent-escape (such as %zz); encode it again.') : null;

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return res.end();
    const known =
      error instanceof HttpError
        ? error
        : error instanceof DomainError
          ? new HttpError(STATUS[error.code], error.code, error.message, error.details)
          : error instanceof InvalidCursorError
            ? new HttpError(400, 'validation_failed', error.message)
            : (parserError(error) ?? malformedPath(error));
    if (known) return res.status(known.status).json(body(known.code, known.message, known.details));
    if (error instanceof StoreUnavailableError) {
      // A passing outage, not a fault: the store logged it once as it began, so no line per request.
      res.set('Retry-After', String(error.retryAfterSeconds));
      return res.status(503).json(body('unavailable', 'The database is not answering just now; nothing was changed. Try again shortly.'));
    }
    if (error instanceof OutsideServiceError) {
      // Microsoft 365 did not do what was asked: say so, and when to try again if it told us.
      logger.warn('an outside service failed a request', { route: req.route?.path ?? null, error: describeError(error) });
      if (error.retryAfterMs !== null) res.set('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
      return res
        .status(error.permanent ? 502 : 503)
        .json(
          body(
            'unavailable',
            error.permanent
              ? 'Microsoft 365 refused this request; an administrator may need to check the set-up.'
              : 'Microsoft 365 did not answer in time; try again shortly.',
          ),
        );
    }
    // Unexpected: log the class and message (never the request body), answer without detail.
    logger.error('request failed', { method: req.method, route: req.route?.path ?? req.path.replace(/[0-9a-f-]{36}/g, ':id'), error: describeError(error) });
    return res.status(500).json(body('internal_error', 'Something went wrong on our side. It has been logged; please try again.'));
  };
}

export const notFoundRoute: RequestHandler = (_req, res) => {
  res.status(404).json(body('not_found', 'There is nothing at this address.'));
};
