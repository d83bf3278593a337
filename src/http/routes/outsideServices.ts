import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { searchDirectory } from '../../app/searchDirectory.js';
import { suggestMeetingTimes } from '../../app/suggestMeetingTimes.js';
import type { Directory } from '../../ports/directory.js';
import type { MeetingCalendar } from '../../ports/meetingCalendar.js';
import { principal } from '../auth.js';

/** What asks the calendar and the directory while a person waits: free times, and people to invite. */
export function outsideServiceRoutes(deps: AppDeps, calendar: MeetingCalendar, directory: Directory): Router {
  const r = Router();
  r.post('/cases/:caseId/meetings/suggestions', async (req, res) => {
    const assertion = (res.locals.assertion as string | null | undefined) ?? null;
    res.json({ items: await suggestMeetingTimes(deps, calendar, principal(res), req.params.caseId, req.body, assertion) });
  });
  r.get('/directory', async (req, res) => {
    res.json({ items: await searchDirectory(deps, directory, principal(res), req.query) });
  });
  return r;
}
