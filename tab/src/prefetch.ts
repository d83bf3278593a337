import { request } from './api/client.js';
import type { CaseView, Me } from './api/types.js';
import { preload } from './common/modules.js';
import { FRAME_VIEWS } from './frames.js';
import type { FrameContext } from './host/teams.js';
import { loadTimeline } from './live/loadTimeline.js';
import { meetingCase } from './meetingCase.js';
import { forgetPrefetched, start } from './prefetched.js';
import { parseRoute } from './route.js';
import { SECTION_MODULES } from './sections.js';

/**
 * Opening a case straight onto its timeline (a link, a reload, a configured tab) or the meeting
 * stage should not wait for each step in turn: as soon as the token is known, who is signed in,
 * the case, its timeline and the code that shows them are all asked for at once (the answers wait
 * in prefetched.ts). boot.ts calls this while React and the views are still loading.
 */
let started = false;

/** Once per page load: later calls (a sign-in after sign-out) load as usual. */
export function prefetchFor(hash: string, defaultCaseId: string | null, frame: FrameContext = 'content'): void {
  if (started) return;
  started = true;
  // A prefetch serves the view the page opened on, and only that: once the address changes (another
  // case, a link, Back), whatever was not taken is forgotten and the new view asks afresh.
  window.addEventListener('hashchange', forgetPrefetched, { once: true });
  const modules: (() => Promise<unknown>)[] = [FRAME_VIEWS[frame]];
  // Every view waits for who is signed in: asked for with the rest, not after React has started.
  start('me', async () => (await request<Me>('GET', '/me')).body);
  const route = frame === 'content' ? parseRoute(hash, defaultCaseId) : null;
  // The stage shows one case's wall: the case its meeting was set up for (the stage's address), or
  // the one chosen in the side panel (as views/Stage.tsx does).
  const caseId = frame === 'meetingStage' ? defaultCaseId || meetingCase() || null : route?.view === 'case' ? route.caseId : null;
  if (caseId) start(`case:${caseId}`, () => request<CaseView>('GET', `/cases/${caseId}`));
  if (caseId && (frame === 'meetingStage' || (route?.view === 'case' && route.section === 'timeline'))) {
    start(`timeline:${caseId}`, () => loadTimeline(caseId));
    if (frame === 'content') modules.push(SECTION_MODULES.timeline);
  }
  // The views' code comes after the questions have gone out: over HTTP/1.1 a browser opens six
  // connections to a host, and the thirty-odd files of a view asked for first would hold the
  // questions back until they had all arrived (most of the wait, measured).
  setTimeout(() => modules.forEach(preload), 0);
}
