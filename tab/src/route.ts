import { parseTabRoute, type TabRoute } from '../../src/contract/tabAddress.js';

/**
 * Which view an address opens, without React: the boot script (boot.ts) reads it to decide what to
 * prefetch before React has loaded; router.ts hands it on to the views.
 */
export function parseRoute(hash: string, defaultCaseId: string | null): TabRoute {
  const route = parseTabRoute(hash);
  // A tab configured for one case opens on its timeline: what the meeting is there to build.
  if (defaultCaseId && route.view === 'caseload' && hash.replace(/^#?\/*/, '') === '') return { view: 'case', caseId: defaultCaseId, section: 'timeline' };
  return route;
}
