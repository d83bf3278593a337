import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngError, readPngHeader } from '../../src/teamsApp/png.js';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/drawIcons.js';
import { REPO_ROOT } from '../support/appPackageRoot.js';

/** A 3×2 RGBA image whose rows need every predictor to come back right. */
const PIXELS = new Uint8Array([10, 20, 30, 255, 200, 100, 50, 128, 0, 0, 0, 0, 255, 255, 255, 255, 12, 34, 56, 78, 90, 80, 70, 60]);

/** Filters a row as a PNG encoder would (forward direction), to test the decoder's inverse. */
function filterRow(type: number, row: Uint8Array, up: Uint8Array): number[] {
  return [...row].map((value, x) => {
    const a = x >= 4 ? row[x - 4]! : 0;
    const b = up[x]!;
    const c = x >= 4 ? up[x - 4]! : 0;
    const p = a + b - c;
    const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
    return (value - [0, a, b, (a + b) >> 1, paeth][type]! + 256) & 0xff;
  });
}

function pngWithFilters(filters: [number, number]): Buffer {
  const plain = encodePng({ width: 3, height: 2, pixels: PIXELS });
  const rows = [PIXELS.subarray(0, 12), PIXELS.subarray(12, 24)];
  const raw = Buffer.from([filters[0], ...filterRow(filters[0], rows[0]!, new Uint8Array(12)), filters[1], ...filterRow(filters[1], rows[1]!, rows[0]!)]);
  // Keep the signature and IHDR (33 bytes); swap the image data for the filtered rows.
  const data = deflateSync(raw);
  const idat = Buffer.alloc(12 + data.length);
  idat.writeUInt32BE(data.length, 0);
  idat.write('IDAT', 4, 'latin1');
  data.copy(idat, 8);
  idat.writeUInt32BE(crc32(idat.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return Buffer.concat([plain.subarray(0, 33), idat, plain.subarray(plain.length - 12)]);
}

describe('PNG', () => {
  it('reads back what it writes', () => {
    const decoded = decodePng(encodePng({ width: 3, height: 2, pixels: PIXELS }));
    expect(decoded).toEqual({ width: 3, height: 2, pixels: PIXELS });
  });

  it.each([
    [1, 2],
    [3, 4],
    [2, 1],
    [4, 3],
  ] as [number, number][])('undoes the PNG row filters %i and %i', (first, second) => {
    expect(decodePng(pngWithFilters([first, second])).pixels).toEqual(PIXELS);
  });

  it('reads the size from the header of any PNG, and refuses what is not one', () => {
    expect(readPngHeader(encodePng({ width: 3, height: 2, pixels: PIXELS }))).toEqual({ width: 3, height: 2, bitDepth: 8, colourType: 6, interlace: 0 });
    expect(() => readPngHeader(new TextEncoder().encode('GIF89a and then some more bytes to pass the length'))).toThrow(PngError);
  });
});

describe('the committed icons', () => {
  it('are what scripts/drawIcons.ts draws (run `npm run icons` after changing it)', () => {
    expect(decodePng(readFileSync(join(REPO_ROOT, 'appPackage', 'color.png')))).toEqual(decodePng(drawColorIcon()));
    expect(decodePng(readFileSync(join(REPO_ROOT, 'appPackage', 'outline.png')))).toEqual(decodePng(drawOutlineIcon()));
  });
});
