import type { Versioned } from './api/client.js';
import type { CaseView, Me } from './api/types.js';
import type { LoadedTimeline } from './live/loadTimeline.js';

/**
 * What prefetch.ts asked for before the views that need it were loaded: each prefetched answer is
 * used once, then forgotten. The views read it here, apart from what decides what to prefetch,
 * which needs the views' own code.
 */
const pending = new Map<string, Promise<unknown>>();

export function take<T>(key: string): Promise<T> | null {
  const p = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  return p ?? null;
}

export function start(key: string, load: () => Promise<unknown>) {
  const p = load();
  p.catch(() => pending.delete(key));
  pending.set(key, p);
}

/** Drops every prefetched answer not yet taken. */
export function forgetPrefetched(): void {
  pending.clear();
}

export const caseFromPrefetch = (caseId: string) => take<Versioned<CaseView>>(`case:${caseId}`);
export const timelineFromPrefetch = (caseId: string) => take<LoadedTimeline>(`timeline:${caseId}`);
export const meFromPrefetch = () => take<Me>('me');
