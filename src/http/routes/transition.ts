import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { showTransitionPlan } from '../../app/transition/showTransitionPlan.js';
import { writeTransitionPlan } from '../../app/transition/writeTransitionPlan.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** Moving on to adult services: the case's transition plan. */
export function transitionRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases/:caseId/transition-plan', async (req, res) => {
    sendVersioned(res, await showTransitionPlan(deps, principal(res), req.params.caseId));
  });

  r.put('/cases/:caseId/transition-plan', async (req, res) => {
    sendVersioned(res, await writeTransitionPlan(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });

  return r;
}
