import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { listUnreachableMembers } from '../../app/team/listUnreachableMembers.js';
import { principal } from '../auth.js';

/** Who on a case team the bot cannot reach (app not installed, removed or blocked), for the tab to show. */
export function reachRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/cases/:caseId/unreachable', async (req, res) => {
    res.json({ items: await listUnreachableMembers(deps, principal(res), req.params.caseId) });
  });
  return r;
}
