import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fingerprintOf, isCurrent, tabInputs } from './fingerprint.mjs';
import { precompressAssets } from './precompress.js';

/**
 * Builds the tab with Vite unless nothing it is built from has changed since the last build, so
 * `npm start` stays fast. The fingerprint covers the tab's sources, the contract it imports (and the
 * domain code the contract hands on) and the lockfile.
 */
const root = resolve(import.meta.dirname, '..');
const tab = join(root, 'tab');
const stamp = join(tab, 'dist', '.build-fingerprint');

const fingerprint = (): string => fingerprintOf(root, tabInputs(root));

async function main() {
  const force = process.argv.includes('--force');
  const print = fingerprint();
  if (!force && isCurrent(stamp, print) && statSync(join(tab, 'dist', 'index.html'), { throwIfNoEntry: false })) {
    console.warn('tab: up to date');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile: join(tab, 'vite.config.ts'), logLevel: 'warn' });
  const assets = precompressAssets(join(tab, 'dist', 'assets'));
  writeFileSync(stamp, print);
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const sum = (pick: (a: (typeof assets)[number]) => number) => assets.reduce((n, a) => n + pick(a), 0);
  console.warn(
    `tab: built into tab/dist (${kib(sum((a) => a.bytes))} of assets; ${kib(sum((a) => a.gzip ?? a.bytes))} gzip, ${kib(sum((a) => a.brotli ?? a.bytes))} brotli)`,
  );
}

main().catch((error: unknown) => {
  console.error('The tab could not be built:', error);
  process.exit(1);
});
