import { useEffect, useState } from 'react';
import type { Meeting } from '../api/types.js';
import { serverNow } from '../clock.js';

/** Begun: its scheduled start has passed, or Teams said it started (people join early). */
export const started = (m: Meeting) => Date.parse(m.startsAt) <= serverNow() || (m.startedAt !== null && Date.parse(m.startedAt) <= serverNow());

/** A datetime-local input's value for an instant, in the device's time zone. */
export const localInput = (ms: number) => {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A datetime-local input's value (the device's time zone) as the instant the API takes. */
export const toInstant = (local: string) => (local ? new Date(local).toISOString() : local);

/** Renders again when the open meeting's scheduled start arrives, so its outcome form appears then. */
export function useStartOf(m: Meeting | null): void {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!m || m.status !== 'scheduled') return;
    const wait = Date.parse(m.startsAt) - serverNow();
    // Timers beyond about 24 days overflow; a page is not open that long.
    if (wait <= 0 || wait > 2_000_000_000) return;
    const timer = setTimeout(() => tick((n) => n + 1), wait + 50);
    return () => clearTimeout(timer);
  }, [m?.id, m?.startsAt, m?.status]);
}
