import { PNG } from 'pngjs';

/**
 * The app icons as PNG, through pngjs: written as 8-bit RGBA, read back whatever the format. Teams
 * checks icon sizes and that the outline is white on transparent; the package step and the tests
 * check the same things from the real bytes.
 */
export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  pixels: Uint8Array;
}

export class PngError extends Error {
  override name = 'PngError';
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

export function encodePng({ width, height, pixels }: Rgba): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels);
  return PNG.sync.write(png, { colorType: 6, inputColorType: 6, bitDepth: 8, deflateLevel: 9 });
}

function read(bytes: Uint8Array): PNG {
  try {
    return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new PngError(`not a PNG file that can be read: ${(error as Error).message}`);
  }
}

/** The size and format the file declares. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const png = read(bytes) as PNG & { depth: number; colorType: number; interlace: boolean };
  return { width: png.width, height: png.height, bitDepth: png.depth, colourType: png.colorType, interlace: png.interlace ? 1 : 0 };
}

/** Any PNG, as 8-bit RGBA. */
export function decodePng(bytes: Uint8Array): Rgba {
  const png = read(bytes);
  return { width: png.width, height: png.height, pixels: new Uint8Array(png.data) };
}
