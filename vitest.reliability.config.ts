import { defineConfig } from 'vitest/config';
import { PATIENCE_MS, SLOW_TEST_MS } from './tests/support/patience.js';

/**
 * npm run test:reliability — the reliability suite (tests/reliability): crashes, concurrent edits,
 * the access matrix through HTTP, fuzzed input and audit tampering. Its own project: slower than
 * `npm test`, with child processes and a real PostgreSQL server when TEST_DATABASE_URL names one.
 * Timeouts are generous so that a shared machine with two cores only makes it slower, never red.
 */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: SLOW_TEST_MS,
    hookTimeout: SLOW_TEST_MS,
    expect: { poll: { timeout: PATIENCE_MS } },
  },
});
