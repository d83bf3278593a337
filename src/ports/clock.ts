/** The time, from one place, so that tests and demo data can fix it. */
export interface Clock {
  now(): Date;
}

/** Today's date where the services are (Europe/London), as an ISO date. */
export function todayIn(clock: Clock, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
}
