import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository's root, the nearest folder above this module that holds package.json. The same
 * code runs from src/lib under tsx and from dist/src/lib when compiled, so a fixed number of `..`
 * would be right in only one of them.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('no package.json above the server');
  }
}

export const projectRoot = findRoot(import.meta.dirname);
