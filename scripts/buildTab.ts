import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds the tab with Vite unless nothing it is built from has changed since the last build, so
 * `npm start` stays fast. The fingerprint covers the tab's sources, the domain code it shares and
 * the lockfile.
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
    ...files(join(root, 'src', 'domain')),
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
  writeFileSync(stamp, print);
  console.warn('tab: built into tab/dist');
}

main().catch((error: unknown) => {
  console.error('The tab could not be built:', error);
  process.exit(1);
});
