import { addMonths, addYears, type IsoDate } from './dates.js';

/** Turning 18 brings a transition plan and adult services: flagged this many months ahead. */
export const TURNING_18_NOTICE_MONTHS = 6;

/** The young person's 18th birthday when it falls from today to six months on; otherwise null. */
export function turnsEighteenSoon(dateOfBirth: IsoDate, today: IsoDate): IsoDate | null {
  const birthday = addYears(dateOfBirth, 18);
  return birthday >= today && birthday <= addMonths(today, TURNING_18_NOTICE_MONTHS) ? birthday : null;
}
