/**
 * The server's clock, as the tab sees it. The server decides what is "in the future" (an
 * agreement date, a meeting's start), so the tab dates its forms by the server's time rather than
 * the device's: a laptop whose clock is a day out must not offer a date the server will refuse.
 */
let offsetMs = 0;

/** Align with the server's time, as `/me` reported it (the request's own latency is negligible for dates). */
export function followServerClock(serverNow: string): void {
  const at = Date.parse(serverNow);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

/** Milliseconds since the epoch on the server's clock. */
export const serverNow = (): number => Date.now() + offsetMs;

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the services are (Europe/London), as the server counts it. */
export const todayIso = (at: number = serverNow()): string => LONDON.format(at);
