import type { Clock } from '../../ports/clock.js';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and for writing demo data on fixed dates. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set: (next) => {
      at = new Date(next);
    },
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
  };
}
