/** The time, from one place, so that tests and demo data can fix it. */
export interface Clock {
  now(): Date;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Today's date where the services are (Europe/London), as an ISO date. */
export function todayIn(clock: Clock, timeZone = 'Europe/London'): string {
  // Making a formatter costs far more than using one, and every entry added asks for today.
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(clock.now());
}
