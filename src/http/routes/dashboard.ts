import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { showDashboardPage, showServiceDashboard } from '../../app/oversight/showServiceDashboard.js';
import { principal } from '../auth.js';

/** The manager's view of one service, in one call, and its case lists a page at a time. */
export function dashboardRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/services/:serviceId/dashboard', async (req, res) => {
    res.json(await showServiceDashboard(deps, principal(res), req.params.serviceId, req.query));
  });
  /** One page of a case list of the dashboard: active-cases, agreements-outstanding, reviews or trm-movement. */
  r.get('/services/:serviceId/dashboard/:list', async (req, res) => {
    res.json(await showDashboardPage(deps, principal(res), req.params.serviceId, req.params.list, req.query));
  });
  return r;
}
