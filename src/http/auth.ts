import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type Principal, principalOf } from '../domain/staff.js';
import type { Identity, SessionRef } from '../ports/identity.js';
import { HttpError } from './errors.js';

/**
 * Every /api/v1 route but sign-in needs a bearer token: a dev session in local mode, the Teams SSO
 * token in Microsoft 365 mode. The token itself is never logged.
 */
export function requireSignIn(identity: Identity): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('Authorization') ?? '';
    const m = /^Bearer ([^\s]{1,8192})$/.exec(header);
    if (!m?.[1]) return next(new HttpError(401, 'unauthenticated', 'Sign in first: send Authorization: Bearer <token>.'));
    const user = await identity.authenticate(m[1]);
    if (!user) return next(new HttpError(401, 'unauthenticated', 'Your sign-in is not valid or has expired; sign in again.'));
    res.locals.principal = principalOf(user.staff);
    res.locals.assertion = user.assertion;
    res.locals.session = user.session;
    return next();
  };
}

export const principal = (res: Response): Principal => res.locals.principal as Principal;

/** The session the caller's token belongs to, for sign-out. */
export const currentSession = (res: Response): SessionRef => res.locals.session as SessionRef;
