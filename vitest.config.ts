import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'tab/tests/**/*.test.ts', 'tab/tests/**/*.test.tsx'],
    exclude: ['tests/browser/**', 'tests/reliability/**', 'tests/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
