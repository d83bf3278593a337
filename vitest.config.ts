import { defineConfig } from 'vitest/config';
import { PATIENCE_MS, SLOW_TEST_MS } from './tests/support/patience.js';

/**
 * npm test. Limits are generous (tests/support/patience.ts): on a loaded two-core machine a test
 * is slower, never red; a test that passes returns as soon as what it waits for has happened.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'tab/tests/**/*.test.ts', 'tab/tests/**/*.test.tsx'],
    exclude: ['tests/browser/**', 'tests/reliability/**', 'tests/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: SLOW_TEST_MS,
    hookTimeout: SLOW_TEST_MS,
    expect: { poll: { timeout: PATIENCE_MS } },
  },
});
