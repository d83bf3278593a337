import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { listMyActions } from '../../app/plan/listMyActions.js';
import { listPlanActions } from '../../app/plan/listPlanActions.js';
import { updatePlanAction } from '../../app/plan/updatePlanAction.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** The plan between meetings: the case's actions, and each person's own across their cases. */
export function planRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases/:caseId/actions', async (req, res) => {
    res.json(await listPlanActions(deps, principal(res), req.params.caseId));
  });

  r.patch('/cases/:caseId/actions/:actionId', async (req, res) => {
    sendVersioned(res, await updatePlanAction(deps, principal(res), req.params.caseId, req.params.actionId, req.body, expectedVersion(req)));
  });

  r.get('/me/actions', async (_req, res) => {
    res.json({ items: await listMyActions(deps, principal(res)) });
  });

  return r;
}
