import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { precompressAssets } from './precompress.js';

/**
 * Builds the tab with Vite unless nothing it is built from has changed since the last build, so
 * `npm start` stays fast. The fingerprint covers the tab's sources, the contract it imports (and the
 * domain code the contract hands on) and the lockfile.
 */
const root = resolve(import.meta.dirname, '..');
const tab = join(root, 'tab');
const stamp = join(tab, 'dist', '.build-fingerprint');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? files(path) : [path];
  });
}

export function fingerprint(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(tab, 'src')),
    ...files(join(root, 'src', 'contract')),
    ...files(join(root, 'src', 'domain')),
    join(root, 'scripts', 'precompress.ts'),
    join(tab, 'index.html'),
    join(tab, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ].sort();
  for (const f of inputs) hash.update(f.slice(root.length)).update(readFileSync(f));
  return hash.digest('hex');
}

async function main() {
  const force = process.argv.includes('--force');
  const print = fingerprint();
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === print && statSync(join(tab, 'dist', 'index.html'), { throwIfNoEntry: false })) {
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
