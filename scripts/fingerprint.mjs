// Plain JavaScript on purpose: `npm start` reads it with plain node before anything is compiled,
// and a production install has no TypeScript runner. scripts/fingerprint.d.mts types it for the
// build scripts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const path = join(dir, d.name);
        return d.isDirectory() ? files(path) : [path];
      })
    : [];

/** Everything the tab's bundle is built from: its sources, the contract it imports (and the domain code the contract hands on), the lockfile. */
export const tabInputs = (root) => [
  ...files(join(root, 'tab', 'src')),
  ...files(join(root, 'src', 'contract')),
  ...files(join(root, 'src', 'domain')),
  join(root, 'scripts', 'precompress.ts'),
  join(root, 'tab', 'index.html'),
  join(root, 'tab', 'vite.config.ts'),
  join(root, 'package-lock.json'),
];

/** Everything the compiled server is built from: its TypeScript, the files it reads beside its code, the compiler settings, the lockfile. */
export const serverInputs = (root) => [
  ...files(join(root, 'src')),
  ...files(join(root, 'bot')),
  join(root, 'tsconfig.json'),
  join(root, 'tsconfig.build.json'),
  join(root, 'scripts', 'buildServer.ts'),
  join(root, 'package-lock.json'),
];

/** One hash over the files' paths (relative to the root) and contents, in a fixed order. */
export function fingerprintOf(root, inputs) {
  const hash = createHash('sha256');
  for (const f of [...inputs].sort()) hash.update(f.slice(root.length)).update(existsSync(f) ? readFileSync(f) : '');
  return hash.digest('hex');
}

/** A build is current when its stamp holds the fingerprint of what it was built from now. */
export function isCurrent(stampFile, fingerprint) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint;
}
