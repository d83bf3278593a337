import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { suggestMeetingTimes } from '../../app/meetings/suggestMeetingTimes.js';
import { principal } from '../auth.js';

/** What asks the calendar while a person waits: free times for a meeting. */
export function outsideServiceRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/cases/:caseId/meetings/suggestions', async (req, res) => {
    const assertion = (res.locals.assertion as string | null | undefined) ?? null;
    res.json({ items: await suggestMeetingTimes(deps, principal(res), req.params.caseId, req.body, assertion) });
  });
  return r;
}
