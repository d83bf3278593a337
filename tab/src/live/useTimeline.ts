import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveEvent, TimelineEntry } from '../api/types.js';
import { compareLifeOrder } from '../timeline/layout.js';
import { timelineFromPrefetch } from '../prefetched.js';
import { loadTimeline, type MayChange } from './loadTimeline.js';
import { watchCaseEvents, type LiveState } from './sse.js';

export type { MayChange };

export interface LiveNote {
  entryId: string;
  by: string;
  what: 'added' | 'edited' | 'retracted';
  at: string;
}

const NOTHING: MayChange = { ownEntries: { edit: false, retract: false, restrict: false }, othersEntries: { edit: false, retract: false, restrict: false } };

/** Everything the hook holds, for one case: when the case changes, all of it is replaced at once. */
interface CaseTimeline {
  caseId: string;
  entries: Map<string, TimelineEntry>;
  loaded: boolean;
  error: unknown;
  live: LiveState;
  notes: LiveNote[];
  mayChange: MayChange;
}

const emptyFor = (caseId: string): CaseTimeline => ({
  caseId,
  entries: new Map(),
  loaded: false,
  error: null,
  live: 'connecting',
  notes: [],
  mayChange: NOTHING,
});

/** Adds the entries that are newer than what is held, and only those of this case: another child's entry is never merged in. */
function withEntries(t: CaseTimeline, entries: TimelineEntry[]): CaseTimeline {
  let next: Map<string, TimelineEntry> | null = null;
  for (const e of entries) {
    if (e.caseId !== t.caseId) continue;
    const seen = (next ?? t.entries).get(e.id);
    if (seen && seen.version >= e.version) continue;
    next ??= new Map(t.entries);
    next.set(e.id, e);
  }
  return next ? { ...t, entries: next } : t;
}

/**
 * A case's timeline that follows live changes. The feed starts before the first load finishes and
 * its events are applied by entry version, so nothing committed in between is lost or doubled.
 *
 * What it holds belongs to `caseId` alone: a new case starts from nothing, and a late answer, event
 * or entry of the case before is dropped rather than merged (issue 12 §1).
 */
export function useLiveTimeline(caseId: string, me: string | null, onOtherEvent?: (e: LiveEvent) => void) {
  const [held, setHeld] = useState<CaseTimeline>(() => emptyFor(caseId));
  const [tick, setTick] = useState(0);
  const otherRef = useRef(onOtherEvent);
  otherRef.current = onOtherEvent;
  // Until the effect below has run for a new case, the last case's timeline is not shown, not even for one frame.
  const t = held.caseId === caseId ? held : emptyFor(caseId);

  useEffect(() => {
    let active = true;
    /** Changes what is held, if it is still this case's. */
    const update = (change: (t: CaseTimeline) => CaseTimeline) => active && setHeld((h) => (h.caseId === caseId ? change(h) : h));
    setHeld((h) => (h.caseId === caseId ? h : emptyFor(caseId)));
    const stop = watchCaseEvents(caseId, {
      onState: (live) => update((h) => ({ ...h, live })),
      // Away too long for the server to replay what was missed: load the timeline afresh.
      onResync: () => active && setTick((n) => n + 1),
      onEvent: (ev) => {
        if (!active) return;
        if (ev.type === 'timeline.added' || ev.type === 'timeline.edited' || ev.type === 'timeline.retracted') {
          const entry = ev.data;
          if (entry.caseId !== caseId) return;
          const what = ev.type === 'timeline.added' ? 'added' : ev.type === 'timeline.edited' ? 'edited' : 'retracted';
          update((h) => {
            const next = withEntries(h, [entry]);
            return ev.actor.id === me
              ? next
              : { ...next, notes: [{ entryId: entry.id, by: ev.actor.name, what, at: ev.at } as LiveNote, ...h.notes].slice(0, 50) };
          });
        } else otherRef.current?.(ev);
      },
    });
    (timelineFromPrefetch(caseId) ?? loadTimeline(caseId))
      .then((loaded) => {
        performance.mark('ecm:timeline-loaded');
        return loaded;
      })
      .then((loaded) => update((h) => ({ ...withEntries(h, loaded.entries), mayChange: loaded.mayChange, loaded: true, error: null })))
      .catch((error: unknown) => update((h) => ({ ...h, error })));
    return () => {
      active = false;
      stop();
    };
  }, [caseId, me, tick]);

  const sorted = useMemo(() => [...t.entries.values()].sort(compareLifeOrder), [t.entries]);
  const upsert = useCallback((e: TimelineEntry) => setHeld((h) => (h.caseId === caseId ? withEntries(h, [e]) : h)), [caseId]);
  /** What the policy lets this person do to an entry, by whether it is their own (me). */
  const may = (e: TimelineEntry) => (e.contributorId === me ? t.mayChange.ownEntries : t.mayChange.othersEntries);
  return { entries: sorted, loaded: t.loaded, error: t.error, live: t.live, notes: t.notes, upsert, may, reload: () => setTick((n) => n + 1) };
}
