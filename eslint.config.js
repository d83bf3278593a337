import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { layerFences } from './eslint.layers.js';

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
    // The domain is pure: no I/O, no frameworks.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'http', 'express', 'kysely', 'better-sqlite3', 'pg', 'botbuilder', '@microsoft/*', '@azure/*'], message: 'src/domain does no I/O and knows no framework.' },
        ],
      }],
    },
  },
  {
    // The house's layers (eslint.layers.js) and no import cycles, in the server, the bot and the tab.
    files: ['src/**/*.ts', 'bot/**/*.ts', 'tab/src/**/*.ts', 'tab/src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'tab/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerFences }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
