import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { findPeople } from '../../app/people/findPeople.js';
import { showMe } from '../../app/people/showMe.js';
import { principal } from '../auth.js';

export function peopleRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/me', async (_req, res) => {
    res.json(await showMe(deps, principal(res)));
  });
  r.get('/people', async (req, res) => {
    res.json({ items: await findPeople(deps, principal(res), req.query) });
  });
  return r;
}
