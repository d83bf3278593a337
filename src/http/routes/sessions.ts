import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { endSession } from '../../app/people/endSession.js';
import { currentSession, principal } from '../auth.js';

/** The caller's own sign-in session: sign-out ends it on the server, not only in the browser. */
export function sessionRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/sessions/current/revocation', async (_req, res) => {
    await endSession(deps, principal(res), currentSession(res));
    res.status(204).end();
  });
  return r;
}
