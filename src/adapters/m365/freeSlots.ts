/**
 * Times when everyone is free, from Graph's getSchedule availability views (one digit per
 * interval: 0 free, 1 tentative, 2 busy, 3 away, 4 working elsewhere). Only weekday working hours
 * in the UK (09:00–17:00 Europe/London) are offered; the earliest first, none overlapping.
 */
const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: 'numeric', weekday: 'short', hourCycle: 'h23' });

function inWorkingHours(start: Date, end: Date): boolean {
  const parts = (d: Date) => Object.fromEntries(londonHour.formatToParts(d).map((p) => [p.type, p.value]));
  const s = parts(start);
  const e = parts(new Date(end.getTime() - 1));
  if (s.weekday === 'Sat' || s.weekday === 'Sun') return false;
  const minutes = (p: Record<string, string>) => Number(p.hour) * 60 + Number(p.minute);
  return minutes(s) >= 9 * 60 && minutes(e) < 17 * 60 && s.weekday === e.weekday;
}

export function freeSlots(views: string[], from: string, intervalMinutes: number, durationMinutes: number, max: number): { start: string; end: string }[] {
  const length = Math.min(...views.map((v) => v.length));
  const need = Math.ceil(durationMinutes / intervalMinutes);
  const startAt = new Date(from).getTime();
  const out: { start: string; end: string }[] = [];
  for (let i = 0; i + need <= length && out.length < max;) {
    const free = views.every((v) =>
      v
        .slice(i, i + need)
        .split('')
        .every((c) => c === '0'),
    );
    const start = new Date(startAt + i * intervalMinutes * 60_000);
    const end = new Date(start.getTime() + durationMinutes * 60_000);
    if (free && inWorkingHours(start, end)) {
      out.push({ start: start.toISOString(), end: end.toISOString() });
      i += need;
    } else i += 1;
  }
  return out;
}
