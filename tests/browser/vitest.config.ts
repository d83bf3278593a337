import { defineConfig } from 'vitest/config';
import { PATIENCE_MS, SLOW_TEST_MS } from '../support/patience.js';

/**
 * The browser suite: the real server and Debian's Chromium. Run with `npm run test:browser`. Every
 * wait (Playwright's, expect.poll) is on a condition, within tests/support/patience.ts's limits.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/browser/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: SLOW_TEST_MS,
    hookTimeout: SLOW_TEST_MS,
    expect: { poll: { timeout: PATIENCE_MS } },
  },
});
