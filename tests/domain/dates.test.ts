import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/domain/dates.js';

describe('calendar dates', () => {
  it('knows a real day from a date-shaped string that is none', () => {
    for (const real of ['2026-03-09', '2024-02-29', '2000-02-29', '1999-12-31', '2026-04-30', '2026-12-31']) expect(isIsoDate(real), real).toBe(true);
    for (const none of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-09',
      '09/03/2026',
      '2026-03-09T00:00:00Z',
      '',
    ])
      expect(isIsoDate(none), none).toBe(false);
  });

  it('agrees with the calendar on every day of four years, and on the day after each month ends', () => {
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(isIsoDate(day)).toBe(true);
      const [y, m] = day.split('-');
      const next = `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate() + 1)}`;
      expect(isIsoDate(next)).toBe(false);
    }
  });
});
