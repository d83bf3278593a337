import { defineConfig } from 'vitest/config';

/** The browser suite: the real server and Debian's Chromium. Run with `npm run test:browser`. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/browser/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
