import type { Router } from 'express';
import type { AppDeps } from '../app/deps.js';
import { caseRoutes } from './routes/cases.js';
import { consultationRoutes } from './routes/consultations.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { documentRoutes } from './routes/documents.js';
import { evaluationRoutes } from './routes/evaluation.js';
import { eventRoutes } from './routes/events.js';
import { formulationRoutes } from './routes/formulation.js';
import { libraryRoutes } from './routes/library.js';
import { meetingRoutes } from './routes/meetings.js';
import { outsideServiceRoutes } from './routes/outsideServices.js';
import { oversightRoutes } from './routes/oversight.js';
import { peopleRoutes } from './routes/people.js';
import { planRoutes } from './routes/plan.js';
import { reachRoutes } from './routes/reach.js';
import { recordExportRoutes } from './routes/recordExports.js';
import { sessionRoutes } from './routes/sessions.js';
import { summaryRoutes } from './routes/summaries.js';
import { timelineRoutes } from './routes/timeline.js';
import { transitionRoutes } from './routes/transition.js';
import { transferRoutes } from './routes/transfer.js';

/**
 * Every route group of /api/v1, behind sign-in, in the order they are tried. Each takes the one
 * dependency object; the README's API table lists what each route does.
 */
export function apiRoutes(deps: AppDeps): Router[] {
  return [
    caseRoutes(deps),
    consultationRoutes(deps),
    transferRoutes(deps),
    recordExportRoutes(deps),
    timelineRoutes(deps),
    formulationRoutes(deps),
    meetingRoutes(deps),
    planRoutes(deps),
    transitionRoutes(deps),
    summaryRoutes(deps),
    eventRoutes(deps),
    peopleRoutes(deps),
    sessionRoutes(deps),
    documentRoutes(deps),
    libraryRoutes(deps),
    dashboardRoutes(deps),
    oversightRoutes(deps),
    evaluationRoutes(deps),
    reachRoutes(deps),
    outsideServiceRoutes(deps),
  ];
}
