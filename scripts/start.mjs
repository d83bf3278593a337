// `npm start`: the compiled server under plain node. Plain JavaScript because it runs before
// anything is compiled, and in a production install that has no TypeScript runner.
//
// node's flags are on the start command in package.json, not here: V8 sizes its heap before any
// script runs. --max-semi-space-size=4 keeps the young generation at 8 MB instead of letting it
// grow to 32 MB in the burst of start-up (the demo's documents) and keeping it, empty, while idle;
// docs/benchmarks.md, "Memory (issue 18)", has the numbers and what it costs (CPU per request).
// Run this file with plain `node scripts/start.mjs` and the server has V8's default instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fingerprintOf, isCurrent, serverInputs, tabInputs } from './fingerprint.mjs';

const root = resolve(import.meta.dirname, '..');
const builds = [
  { stamp: join(root, 'tab', 'dist', '.build-fingerprint'), inputs: tabInputs },
  { stamp: join(root, 'dist', '.build-fingerprint'), inputs: serverInputs },
];
const stale = builds.some((b) => !isCurrent(b.stamp, fingerprintOf(root, b.inputs(root))));

if (stale) {
  // A production install (npm ci --omit=dev) has no build tools: it must be given a built release.
  if (!existsSync(join(root, 'node_modules', 'typescript')) || !existsSync(join(root, 'node_modules', 'vite'))) {
    console.error(
      'ECM for Teams could not start: the build is missing or older than the sources, and this install has no build tools. ' +
        'Build the release with `npm ci && npm run build` and install it with `npm ci --omit=dev`.',
    );
    process.exit(1);
  }
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

await import(pathToFileURL(join(root, 'dist', 'src', 'main.js')).href);
