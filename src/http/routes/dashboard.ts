import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { showServiceDashboard } from '../../app/oversight/showServiceDashboard.js';
import { principal } from '../auth.js';

/** The manager's view of one service, in one call. */
export function dashboardRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/services/:serviceId/dashboard', async (req, res) => {
    res.json(await showServiceDashboard(deps, principal(res), req.params.serviceId));
  });
  return r;
}
