import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'dist', 'tab/dist', 'coverage', 'appPackage/build', 'tests/**/artifacts', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Tests read API responses loosely; the assertions are what check their shape.
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
  {
    // The tab runs in the browser (Teams' webview), not in Node.
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain is pure: no I/O, no frameworks, no adapters.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'http', 'express', 'kysely', 'better-sqlite3', 'pg', 'botbuilder', '@microsoft/*', '@azure/*'], message: 'src/domain does no I/O and knows no framework.' },
          { group: ['../app/*', '../adapters/*', '../http/*', '../ports/*'], message: 'src/domain depends on nothing else in src.' },
        ],
      }],
    },
  },
);
