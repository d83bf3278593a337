import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressAssets } from '../../scripts/precompress.js';

/** The build packs the tab's code once, so the server only picks a file. */
describe('precompressing the built tab', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecm-assets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const code = 'export const lane = (stage) => `<li class="lane">${stage}</li>`;\n'.repeat(2000);

  it('writes .br and .gz beside the text assets that gain, each unpacking to the original', () => {
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'index-1a2b.js'), code);
    writeFileSync(join(dir, 'nested', 'style-3c4d.css'), '.lane { display: grid; }\n'.repeat(200));
    writeFileSync(join(dir, 'tiny.js'), 'export {};');
    writeFileSync(join(dir, 'icon.png'), randomBytes(4096));
    writeFileSync(join(dir, 'noise.js'), randomBytes(4096));

    const made = precompressAssets(dir);
    const js = made.find((m) => m.file.endsWith('index-1a2b.js'))!;
    expect(js.brotli).toBeLessThan(js.gzip!);
    expect(js.gzip).toBeLessThan(js.bytes / 10);
    expect(brotliDecompressSync(readFileSync(join(dir, 'index-1a2b.js.br'))).toString()).toBe(code);
    expect(gunzipSync(readFileSync(join(dir, 'index-1a2b.js.gz'))).toString()).toBe(code);
    expect(existsSync(join(dir, 'nested', 'style-3c4d.css.br'))).toBe(true);

    // Too small to gain, not text, or no smaller once packed: left alone.
    expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'icon.png.gz'))).toBe(false);
    expect(made.map((m) => m.file)).not.toContain(join(dir, 'icon.png'));
    expect(made.find((m) => m.file.endsWith('noise.js'))).toMatchObject({ gzip: null, brotli: null });
    expect(existsSync(join(dir, 'noise.js.gz'))).toBe(false);
  });
});
