import { browserLink, type ScheduleKind, tabRoutes, teamsDeepLink } from '../src/contract/tabAddress.js';

/**
 * Where a card's buttons lead in the tab. In Teams a deep link opens the app's personal tab at a
 * route (given as subEntityId, which the tab reads as `page.subPageId`); without a Teams app id
 * (local mode, the Agents Playground) the link opens the tab in the browser at the same route.
 * The addresses themselves are src/contract/tabAddress.ts's, shared with the tab that reads them.
 */
export interface TabLinks {
  app(): string;
  case(caseId: string): string;
  formulation(caseId: string): string;
  /** The case's timeline: where a meeting's attendees add what they learn. */
  timeline(caseId: string): string;
  /** The case's plan: its actions, each with owner, date and status. */
  actions(caseId: string): string;
  /** The case's section on moving on to adult services: the transition plan. */
  transition(caseId: string): string;
  /** One meeting of the case, opened where its outcome is recorded. */
  meeting(caseId: string, meetingId: string): string;
  /** The meeting scheduler, ready for a meeting of this kind. */
  scheduler(caseId: string, kind: ScheduleKind): string;
}

export function tabLinks(options: { teamsAppId: string | undefined; publicBaseUrl: string }): TabLinks {
  const at = (route: string) => (options.teamsAppId ? teamsDeepLink(options.teamsAppId, route) : browserLink(options.publicBaseUrl, route));
  return {
    app: () => at(tabRoutes.caseload()),
    case: (caseId) => at(tabRoutes.case(caseId)),
    formulation: (caseId) => at(tabRoutes.formulation(caseId)),
    timeline: (caseId) => at(tabRoutes.section(caseId, 'timeline')),
    actions: (caseId) => at(tabRoutes.section(caseId, 'actions')),
    transition: (caseId) => at(tabRoutes.section(caseId, 'transition')),
    meeting: (caseId, meetingId) => at(tabRoutes.meeting(caseId, meetingId)),
    scheduler: (caseId, kind) => at(tabRoutes.scheduler(caseId, kind)),
  };
}
