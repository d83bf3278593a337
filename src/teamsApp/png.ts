import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * Just enough PNG for the app icons: write 8-bit RGBA, read 8-bit RGBA or grey+alpha back.
 * Teams checks icon sizes and that the outline is white on transparent; the package step and the
 * tests check the same things from the real bytes, with nothing but zlib.
 */
export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class PngError extends Error {
  override name = 'PngError';
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng({ width, height, pixels }: Rgba): Buffer {
  if (pixels.length !== width * height * 4) throw new PngError(`expected ${width * height * 4} bytes of RGBA, got ${pixels.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none — icons are tiny, simplicity wins
    raw.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

/** The size and format from the IHDR chunk, which the PNG format requires to come first. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 33 || !b.subarray(0, 8).equals(SIGNATURE)) throw new PngError('not a PNG file');
  if (b.toString('latin1', 12, 16) !== 'IHDR') throw new PngError('the PNG does not start with an IHDR chunk');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bitDepth: b[24]!, colourType: b[25]!, interlace: b[28]! };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes 8-bit RGBA (colour type 6) or grey+alpha (4), non-interlaced, to RGBA. */
export function decodePng(bytes: Uint8Array): Rgba {
  const header = readPngHeader(bytes);
  const { width, height, bitDepth, colourType, interlace } = header;
  const channels = colourType === 6 ? 4 : colourType === 4 ? 2 : 0;
  if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
    throw new PngError(`only 8-bit, non-interlaced PNGs with an alpha channel can be read (this one: colour type ${colourType}, ${bitDepth}-bit)`);
  }
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length;) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length !== (stride + 1) * height) throw new PngError('the image data is the wrong length');
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels]! : 0;
      const c = x >= channels ? up[x - channels]! : 0;
      const predictor = [0, a, up[x]!, (a + up[x]!) >> 1, paeth(a, up[x]!, c)][filter];
      if (predictor === undefined) throw new PngError(`unknown PNG filter ${filter}`);
      out[x] = (src[x]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, pixels: new Uint8Array(rows) };
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([rows[i * 2]!, rows[i * 2]!, rows[i * 2]!, rows[i * 2 + 1]!], i * 4);
  return { width, height, pixels };
}
