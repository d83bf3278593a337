/** The time, from one place, so that tests and demo data can fix it. */
export interface Clock {
  now(): Date;
}

const formats = new Map<string, { format: Intl.DateTimeFormat; minute: number; day: string }>();

/** Today's date where the services are (Europe/London), as an ISO date. */
export function todayIn(clock: Clock, timeZone = 'Europe/London'): string {
  // Making a formatter costs far more than using one, and using one costs more than remembering
  // its answer: every entry added asks for today. A day starts on a whole minute in every time
  // zone in use since 1972, so the answer stands for the rest of the minute it was given in.
  let known = formats.get(timeZone);
  if (!known) {
    known = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), minute: NaN, day: '' };
    formats.set(timeZone, known);
  }
  const now = clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== known.minute) [known.minute, known.day] = [minute, known.format.format(now)];
  return known.day;
}
