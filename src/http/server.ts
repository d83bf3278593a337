import express, { type Express, type RequestHandler, type Router } from 'express';
import type { AppDeps } from '../app/deps.js';
import type { Logger } from '../lib/logger.js';
import type { Clock } from '../ports/clock.js';
import type { WriteTally } from '../ports/writeTally.js';
import { requireSignIn } from './auth.js';
import { compressLargeJson } from './compressJson.js';
import { errorHandler, HttpError, notFoundRoute } from './errors.js';
import { readiness, type SetupWatch } from './readiness.js';
import { apiRoutes } from './routeTable.js';
import { devSignInRoutes } from './routes/devSignIn.js';
import { idempotentPosts } from './idempotency.js';
import { securityHeaders } from './security.js';
import { WRITE_METHODS, writeLimit } from './writeLimit.js';

export interface HttpOptions {
  deps: AppDeps;
  logger: Logger;
  devSignIn: boolean;
  sessionHours: number;
  maxBodyBytes: number;
  writesPerMinute: number;
  /** Where each person's writes are counted: this process, or the database instances share. */
  writeTally: WriteTally;
  /** The wall clock the write limit's minutes run by. */
  writeLimitClock: Clock;
  /** Routes outside the API: the bot at /api/messages, the tab at /tab. */
  mounts?: { path: string; handler: RequestHandler | Router }[];
  /** Microsoft 365 mode: the set-up checks /readyz reports (src/http/readiness.ts). */
  setup?: SetupWatch;
}

/** Writes carry JSON or nothing: anything else is refused before it is parsed. */
const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('Content-Length') ?? 0) > 0 || req.get('Transfer-Encoding') !== undefined;
  if (WRITE_METHODS.has(req.method) && hasBody && !req.is('application/json')) {
    return next(new HttpError(415, 'unsupported_media_type', 'Send the request body as application/json.'));
  }
  return next();
};

export function createHttpApp(options: HttpOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readiness(options.deps.store, options.setup));

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(compressLargeJson());
  api.use(jsonOnly, express.json({ limit: options.maxBodyBytes, strict: true, type: 'application/json' }));
  if (options.devSignIn) api.use(devSignInRoutes(options.deps, options.sessionHours));
  api.use(requireSignIn(options.deps.identity));
  api.use(writeLimit({ tally: options.writeTally, clock: options.writeLimitClock, writesPerMinute: options.writesPerMinute }));
  api.use(idempotentPosts(options.deps, options.logger));
  for (const router of apiRoutes(options.deps)) api.use(router);
  api.use(notFoundRoute);
  app.use('/api/v1', api);

  for (const m of options.mounts ?? []) app.use(m.path, m.handler);
  app.use(notFoundRoute);
  app.use(errorHandler(options.logger));
  return app;
}
