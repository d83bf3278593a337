import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Compresses the built tab's text assets once, at build time, at the strongest settings: `.br`
 * (Brotli 11) and `.gz` (gzip 9) beside each file, which src/http/tab.ts serves to browsers that
 * accept them. Doing it here costs the server nothing per request.
 */
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.map', '.wasm']);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

export interface Compressed {
  file: string;
  bytes: number;
  gzip: number | null;
  brotli: number | null;
}

export function precompressAssets(dir: string): Compressed[] {
  const out: Compressed[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(...precompressAssets(path));
      continue;
    }
    if (!TEXT.has(extname(name))) continue;
    const content = readFileSync(path);
    const entry: Compressed = { file: path, bytes: content.length, gzip: null, brotli: null };
    if (content.length >= MIN_BYTES) {
      const gz = gzipSync(content, { level: 9 });
      const br = brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      });
      entry.gzip = keepIfSmaller(`${path}.gz`, gz, content.length);
      entry.brotli = keepIfSmaller(`${path}.br`, br, content.length);
    }
    out.push(entry);
  }
  return out;
}

function keepIfSmaller(path: string, bytes: Buffer, original: number): number | null {
  if (bytes.length >= original) {
    rmSync(path, { force: true });
    return null;
  }
  writeFileSync(path, bytes);
  return bytes.length;
}
