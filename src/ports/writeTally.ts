/**
 * How many changes each person has made in the current window of the write limit. Instances that
 * share a database share the tally, so behind N instances a person still has one limit, not N.
 * A window is named by the instant it starts (ISO); counts of earlier windows are let go.
 */
export interface WriteTally {
  /** Counts one change by the person in the window, and returns the window's count with it. */
  count(person: string, windowStart: string): Promise<number>;
  /** Takes one change back from the window's count (never below none). */
  takeBack(person: string, windowStart: string): Promise<void>;
  /** Forgets the person's counts. */
  forget(person: string): Promise<void>;
}
