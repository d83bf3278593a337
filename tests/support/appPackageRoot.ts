import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root: the committed manifest, icons and env files the tests read. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** The environments whose env files are committed; each must give a valid manifest. */
export const COMMITTED_ENVIRONMENTS = ['dev', 'local', 'playground'] as const;

/** Ids as a tenant would mint them, for building real packages in tests. */
export const MINTED = {
  TEAMS_APP_ID: '3f6c1a8e-2b7d-4c55-9e0f-1a2b3c4d5e6f',
  AAD_APP_CLIENT_ID: 'b2c4d6e8-0a1c-4e3f-9b5d-7f8e9a0b1c2d',
  BOT_ID: '7d9e2f40-1c3b-4a6d-8e5f-0a1b2c3d4e5f',
};

/**
 * A scratch copy of appPackage/ and env/ that a test may change and build into, so the
 * repository's own files and build folder stay untouched.
 */
export function scratchRoot(envFiles: Record<string, string> = {}): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'ecm-app-package-'));
  cpSync(join(REPO_ROOT, 'appPackage'), join(root, 'appPackage'), { recursive: true, filter: (src) => !src.includes(`${join('appPackage', 'build')}`) });
  cpSync(join(REPO_ROOT, 'env'), join(root, 'env'), { recursive: true, filter: (src) => !src.endsWith('.user') });
  for (const [name, text] of Object.entries(envFiles)) writeFileSync(join(root, 'env', name), text);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
