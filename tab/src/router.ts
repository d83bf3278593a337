import { useEffect, useState } from 'react';
import { parseRoute } from './route.js';
import { CASE_SECTIONS, type CaseSection, parseTabRoute, routeText, type ScheduleKind, type TabRoute } from '../../src/contract/tabAddress.js';

/**
 * Views of the content frame, addressed by the URL's hash so a reload or a shared link lands in the
 * same place. The routes are the ones the bot's deep links and browser links carry
 * (src/contract/tabAddress.ts); a Teams deep link's subEntityId becomes the hash on arrival
 * (host/teams.ts).
 */
export type Route = TabRoute;
export { CASE_SECTIONS, type CaseSection, type ScheduleKind };
export { parseRoute };

export const hrefOf = (r: Route): string => `#/${routeText(r)}`;

export function navigate(r: Route): void {
  window.location.hash = hrefOf(r);
}

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

export function useRoute(defaultCaseId: string | null): Route {
  return parseRoute(useHash(), defaultCaseId);
}

/** The kind of meeting a link asked the scheduler of this case to prepare (`cases/{id}/meetings/new?kind=…`), or null. */
export function useScheduleRequest(caseId: string): ScheduleKind | null {
  const route = parseTabRoute(useHash());
  return route.view === 'case' && route.caseId === caseId && route.schedule ? route.schedule : null;
}

/** The meeting of this case a link asked to open (`cases/{id}/meetings/{meetingId}`), or null. */
export function useMeetingRequest(caseId: string): string | null {
  const route = parseTabRoute(useHash());
  return route.view === 'case' && route.caseId === caseId && route.meetingId ? route.meetingId : null;
}
