import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fingerprintOf, isCurrent, serverInputs } from './fingerprint.mjs';

/**
 * Compiles the server (src/ and bot/) into dist/ for `npm start` to run with plain node: no
 * TypeScript runner in production, so a smaller process that starts sooner. Skipped when nothing it
 * is built from has changed. The files the server reads beside its code (the legal pages, the card
 * templates) are copied to the same places under dist/.
 */
const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const stamp = join(dist, '.build-fingerprint');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));

function main() {
  const force = process.argv.includes('--force');
  const print = fingerprintOf(root, serverInputs(root));
  if (!force && isCurrent(stamp, print) && existsSync(join(dist, 'src', 'main.js'))) {
    console.warn('server: up to date');
    return;
  }
  // A clean directory each time: a source file removed must not live on as stale JavaScript.
  rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error(`tsc stopped with ${compiled.status ?? compiled.signal}`);
  let copied = 0;
  for (const file of [...files(join(root, 'src')), ...files(join(root, 'bot'))].filter((f) => !f.endsWith('.ts'))) {
    const target = join(dist, relative(root, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
    copied++;
  }
  writeFileSync(stamp, print);
  console.warn(`server: compiled into dist/ (${files(dist).filter((f) => f.endsWith('.js')).length} modules, ${copied} files copied beside them)`);
}

try {
  main();
} catch (error) {
  console.error('The server could not be built:', error);
  process.exit(1);
}
