import { request } from './api/client.js';
import type { CaseView, Me } from './api/types.js';
import { preload } from './common/useModule.js';
import { FRAME_VIEWS } from './frames.js';
import { loadTimeline } from './live/loadTimeline.js';
import { forgetPrefetched, start } from './prefetched.js';
import { parseRoute } from './router.js';
import { SECTION_MODULES } from './sections.js';

/**
 * Opening a case straight onto its timeline (a link, a reload, a configured tab) should not wait
 * for each step in turn: as soon as the token is known, the case, its timeline and the code that
 * shows them are all asked for at once (the answers wait in prefetched.ts).
 */
let started = false;

/** Once per page load: later calls (a sign-in after sign-out) load as usual. */
export function prefetchFor(hash: string, defaultCaseId: string | null): void {
  if (started) return;
  started = true;
  // A prefetch serves the view the page opened on, and only that: once the address changes (another
  // case, a link, Back), whatever was not taken is forgotten and the new view asks afresh.
  window.addEventListener('hashchange', forgetPrefetched, { once: true });
  const route = parseRoute(hash, defaultCaseId);
  // Every view waits for who is signed in: asked for with the rest, not after React has started.
  start('me', async () => (await request<Me>('GET', '/me')).body);
  preload(FRAME_VIEWS.content);
  if (route.view !== 'case') return;
  start(`case:${route.caseId}`, () => request<CaseView>('GET', `/cases/${route.caseId}`));
  if (route.section === 'timeline') {
    start(`timeline:${route.caseId}`, () => loadTimeline(route.caseId));
    preload(SECTION_MODULES.timeline);
  }
}
