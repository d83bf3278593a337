import { crc32, inflateRawSync } from 'node:zlib';
import type { ZipEntry } from '../../src/teamsApp/zip.js';

/**
 * A zip reader written apart from the writer (fflate, in src/teamsApp/zip.ts), so that reading the
 * app package back in tests does not trust the writer: it goes through the central directory and
 * checks each entry's CRC, which fflate's own reader does not.
 */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** Reads every entry through the central directory, checking each entry's CRC. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip file: no end of central directory');
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new ZipError('broken central directory');
    const method = b.readUInt16LE(at + 10);
    const crc = b.readUInt32LE(at + 16);
    const compressedSize = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    const localAt = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    if (b.readUInt32LE(localAt) !== 0x04034b50) throw new ZipError(`broken local header for ${name}`);
    const dataAt = localAt + 30 + b.readUInt16LE(localAt + 26) + b.readUInt16LE(localAt + 28);
    const raw = b.subarray(dataAt, dataAt + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data) throw new ZipError(`${name} uses compression method ${method}`);
    if (crc32(data) >>> 0 !== crc) throw new ZipError(`${name} fails its CRC check`);
    entries.push({ name, data: new Uint8Array(data) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
