import type { WriteTally } from '../../ports/writeTally.js';

/**
 * The write limit counted in this process: right for the embedded database, which one process
 * holds alone (its data directory is locked), and no load on its single writer.
 */
export function memoryWriteTally(): WriteTally {
  const windows = new Map<string, { start: string; writes: number }>();
  return {
    async count(person, windowStart) {
      const current = windows.get(person);
      const writes = current && current.start === windowStart ? current.writes + 1 : 1;
      windows.set(person, { start: windowStart, writes });
      return writes;
    },
    async takeBack(person, windowStart) {
      const current = windows.get(person);
      if (current && current.start === windowStart && current.writes > 0) current.writes -= 1;
    },
    async forget(person) {
      windows.delete(person);
    },
  };
}
