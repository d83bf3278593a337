import { useEffect, useMemo, useRef, useState } from 'react';
import type { LiveNote } from '../../live/useTimeline.js';

/** How long an entry someone else has just added or changed stays highlighted on the wall. */
export const HIGHLIGHT_MS = 8000;

/**
 * The entries others added or changed in the last few seconds, with who did it ("added by Amy
 * Clarke"): the wall highlights them so the room sees the picture grow, then lets them settle.
 * Timed by this browser's own clock from the moment the news arrived, not by the server's time.
 */
export function useRecentlyChanged(notes: LiveNote[], ms = HIGHLIGHT_MS): ReadonlyMap<string, string> {
  const [recent, setRecent] = useState<ReadonlyMap<string, { by: string; until: number }>>(new Map());
  const seen = useRef<LiveNote | null>(null);

  useEffect(() => {
    const arrived: LiveNote[] = [];
    for (const n of notes) {
      if (n === seen.current) break;
      arrived.push(n);
    }
    seen.current = notes[0] ?? null;
    if (arrived.length === 0) return;
    const until = Date.now() + ms;
    setRecent((r) => {
      const next = new Map(r);
      for (const n of arrived.reverse()) {
        if (n.what === 'retracted') next.delete(n.entryId);
        else next.set(n.entryId, { by: `${n.what} by ${n.by}`, until });
      }
      return next;
    });
  }, [notes, ms]);

  useEffect(() => {
    if (recent.size === 0) return;
    const soonest = Math.min(...[...recent.values()].map((r) => r.until));
    const timer = setTimeout(() => setRecent((r) => new Map([...r].filter(([, v]) => v.until > Date.now()))), Math.max(50, soonest - Date.now()));
    return () => clearTimeout(timer);
  }, [recent]);

  return useMemo(() => new Map([...recent].map(([id, v]) => [id, v.by])), [recent]);
}
