import { request, type Versioned } from './api/client.js';
import type { CaseView } from './api/types.js';
import { loadTimeline, type LoadedTimeline } from './live/useTimeline.js';
import { parseRoute } from './router.js';
import { preload } from './common/useModule.js';
import { FRAME_VIEWS, SECTION_MODULES } from './sections.js';

/**
 * Opening a case straight onto its timeline (a link, a reload, a configured tab) should not wait
 * for each step in turn: as soon as the token is known, the case, its timeline and the code that
 * shows them are all asked for at once. Each prefetched answer is used once, then forgotten.
 */
const pending = new Map<string, Promise<unknown>>();

export function take<T>(key: string): Promise<T> | null {
  const p = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  return p ?? null;
}

function start(key: string, load: () => Promise<unknown>) {
  const p = load();
  p.catch(() => pending.delete(key));
  pending.set(key, p);
}

let started = false;

/** Once per page load: later calls (a sign-in after sign-out) load as usual. */
export function prefetchFor(hash: string, defaultCaseId: string | null): void {
  if (started) return;
  started = true;
  // A prefetch serves the view the page opened on, and only that: once the address changes (another
  // case, a link, Back), whatever was not taken is forgotten and the new view asks afresh.
  window.addEventListener('hashchange', forgetPrefetched, { once: true });
  const route = parseRoute(hash, defaultCaseId);
  preload(FRAME_VIEWS.content);
  if (route.view !== 'case') return;
  start(`case:${route.caseId}`, () => request<CaseView>('GET', `/cases/${route.caseId}`));
  if (route.section === 'timeline') {
    start(`timeline:${route.caseId}`, () => loadTimeline(route.caseId));
    preload(SECTION_MODULES.timeline);
  }
}

/** Drops every prefetched answer not yet taken. */
export function forgetPrefetched(): void {
  pending.clear();
}

export const caseFromPrefetch = (caseId: string) => take<Versioned<CaseView>>(`case:${caseId}`);
export const timelineFromPrefetch = (caseId: string) => take<LoadedTimeline>(`timeline:${caseId}`);
