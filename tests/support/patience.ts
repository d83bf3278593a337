/**
 * How long a test waits for something it expects. CI and the team's machines have two cores shared
 * with other suites (the PostgreSQL suite, a browser suite beside `npm test`): a step that takes
 * 50 ms on a quiet machine can take tens of seconds there. A wait returns as soon as its condition
 * holds, so a generous limit costs nothing when things are quick and turns a busy machine into a
 * slower run rather than a red one. Never a fixed sleep; never a short limit.
 */
export const PATIENCE_MS = 120_000;

/** How long one test may run in all: several waits, each within PATIENCE_MS. */
export const SLOW_TEST_MS = 3 * PATIENCE_MS;

/** Waits until `check` holds, looking every 25 ms; fails naming `what` after `ms`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = PATIENCE_MS): Promise<void> {
  for (const end = Date.now() + ms; !(await check());) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 25));
  }
}
