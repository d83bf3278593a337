import type { Router } from 'express';
import type { AppDeps } from '../app/deps.js';
import { caseRoutes } from './routes/cases.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { documentRoutes } from './routes/documents.js';
import { eventRoutes } from './routes/events.js';
import { formulationRoutes } from './routes/formulation.js';
import { libraryRoutes } from './routes/library.js';
import { meetingRoutes } from './routes/meetings.js';
import { outsideServiceRoutes } from './routes/outsideServices.js';
import { oversightRoutes } from './routes/oversight.js';
import { peopleRoutes } from './routes/people.js';
import { planRoutes } from './routes/plan.js';
import { reachRoutes } from './routes/reach.js';
import { sessionRoutes } from './routes/sessions.js';
import { timelineRoutes } from './routes/timeline.js';
import { transferRoutes } from './routes/transfer.js';

/**
 * Every route group of /api/v1, behind sign-in, in the order they are tried. Each takes the one
 * dependency object; the README's API table lists what each route does.
 */
export function apiRoutes(deps: AppDeps): Router[] {
  return [
    caseRoutes(deps),
    transferRoutes(deps),
    timelineRoutes(deps),
    formulationRoutes(deps),
    meetingRoutes(deps),
    planRoutes(deps),
    eventRoutes(deps),
    peopleRoutes(deps),
    sessionRoutes(deps),
    documentRoutes(deps),
    libraryRoutes(deps),
    dashboardRoutes(deps),
    oversightRoutes(deps),
    reachRoutes(deps),
    outsideServiceRoutes(deps),
  ];
}
