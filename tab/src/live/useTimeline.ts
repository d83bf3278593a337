import { useEffect, useMemo, useRef, useState } from 'react';
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

const NOTHING: MayChange = { ownEntries: { edit: false, retract: false }, othersEntries: { edit: false, retract: false } };

/**
 * A case's timeline that follows live changes. The feed starts before the first load finishes and
 * its events are applied by entry version, so nothing committed in between is lost or doubled.
 */
export function useLiveTimeline(caseId: string, me: string | null, onOtherEvent?: (e: LiveEvent) => void) {
  const [entries, setEntries] = useState<Map<string, TimelineEntry>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState<LiveState>('connecting');
  const [notes, setNotes] = useState<LiveNote[]>([]);
  const [tick, setTick] = useState(0);
  const [mayChange, setMayChange] = useState<MayChange>(NOTHING);
  const otherRef = useRef(onOtherEvent);
  otherRef.current = onOtherEvent;

  useEffect(() => {
    let active = true;
    const apply = (e: TimelineEntry) =>
      setEntries((m) => {
        const current = m.get(e.id);
        if (current && current.version >= e.version) return m;
        const next = new Map(m);
        next.set(e.id, e);
        return next;
      });
    const stop = watchCaseEvents(caseId, {
      onState: (s) => active && setLive(s),
      // Away too long for the server to replay what was missed: load the timeline afresh.
      onResync: () => active && setTick((t) => t + 1),
      onEvent: (ev) => {
        if (!active) return;
        if (ev.type === 'timeline.added' || ev.type === 'timeline.edited' || ev.type === 'timeline.retracted') {
          const entry = ev.data;
          apply(entry);
          if (ev.actor.id !== me) {
            const what = ev.type === 'timeline.added' ? 'added' : ev.type === 'timeline.edited' ? 'edited' : 'retracted';
            setNotes((n) => [{ entryId: entry.id, by: ev.actor.name, what, at: ev.at } as LiveNote, ...n].slice(0, 50));
          }
        } else otherRef.current?.(ev);
      },
    });
    (timelineFromPrefetch(caseId) ?? loadTimeline(caseId))
      .then((loaded) => {
        if (!active) return;
        setMayChange(loaded.mayChange);
        setEntries((m) => {
          const next = new Map(m);
          for (const e of loaded.entries) {
            const seen = next.get(e.id);
            if (!seen || seen.version < e.version) next.set(e.id, e);
          }
          return next;
        });
        setLoaded(true);
        setError(null);
      })
      .catch((e: unknown) => active && setError(e));
    return () => {
      active = false;
      stop();
    };
  }, [caseId, me, tick]);

  const sorted = useMemo(() => [...entries.values()].sort(compareLifeOrder), [entries]);
  const upsert = (e: TimelineEntry) =>
    setEntries((m) => {
      const current = m.get(e.id);
      if (current && current.version >= e.version) return m;
      return new Map(m).set(e.id, e);
    });
  /** What the policy lets this person do to an entry, by whether it is their own (me). */
  const may = (e: TimelineEntry) => (e.contributorId === me ? mayChange.ownEntries : mayChange.othersEntries);
  return { entries: sorted, loaded, error, live, notes, upsert, may, reload: () => setTick((t) => t + 1) };
}
