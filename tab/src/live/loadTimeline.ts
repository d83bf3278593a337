import { get } from '../api/client.js';
import type { TimelineEntry, TimelinePage } from '../api/types.js';

export type MayChange = TimelinePage['mayChange'];
export interface LoadedTimeline {
  entries: TimelineEntry[];
  mayChange: MayChange;
}

/** Every entry of a case, all pages, including retracted ones (shown struck through when asked). */
export async function loadTimeline(caseId: string): Promise<LoadedTimeline> {
  const entries: TimelineEntry[] = [];
  let mayChange: MayChange | null = null;
  let after: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '1000', includeRetracted: 'true' });
    if (after) q.set('after', after);
    const page: TimelinePage = await get<TimelinePage>(`/cases/${caseId}/timeline?${q}`);
    entries.push(...page.items);
    mayChange ??= page.mayChange;
    after = page.nextCursor;
  } while (after);
  return { entries, mayChange: mayChange! };
}
