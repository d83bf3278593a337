import { isIsoDate, type IsoDate } from './dates.js';

/**
 * What is wrong with one field of an input: `path` is the field's name in the API (the tab and the
 * bot put it in the form's own words), `message` follows that name ("must not be empty").
 */
export interface Problem {
  path: string;
  message: string;
}

/**
 * A date field of an input that may be wrong elsewhere: checks of dates against each other run on
 * whatever dates are valid, so that every problem is listed at once, not one after another.
 */
export function dateIn(input: unknown, field: string): IsoDate | null {
  if (typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[field];
  return typeof value === 'string' && isIsoDate(value) ? value : null;
}
