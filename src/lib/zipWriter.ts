import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small zip writer on Node's own zlib (no dependency): each file deflated (or stored, when
 * deflating would not make it smaller), a local header before each, the central directory and its
 * end record after them, names in UTF-8 (general purpose bit 11). No zip64: a record export stays
 * far below 4 GiB and 65,535 files, and `writeZip` refuses anything that would need it.
 */
export interface ZipFile {
  /** A path inside the zip, with `/` between folders; never starting with `/` nor holding `..`. */
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8 = 0x0800;
const LIMIT = 0xffffffff;

export class ZipTooLarge extends Error {
  override name = 'ZipTooLarge';
}

/** The MS-DOS time and date a zip header carries (local time in the format; we write UTC). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** Whether a name is safe to write: relative, no `..` part, no backslash, not empty. */
export function isSafeZipName(name: string): boolean {
  return name.length > 0 && !name.startsWith('/') && !name.includes('\\') && name.split('/').every((part) => part !== '..' && part !== '');
}

/** Writes the files, in the order given, as one zip; every entry dated `modified`. */
export function writeZip(files: ZipFile[], modified: Date): Uint8Array {
  if (files.length > 0xffff) throw new ZipTooLarge('a zip of more than 65,535 files needs zip64');
  const seen = new Set<string>();
  const { time, date } = dosDateTime(modified);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    if (!isSafeZipName(file.name)) throw new Error(`not a safe name inside a zip: ${JSON.stringify(file.name)}`);
    if (seen.has(file.name)) throw new Error(`two files named ${JSON.stringify(file.name)}`);
    seen.add(file.name);
    const name = Buffer.from(file.name, 'utf8');
    const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
    const deflated = deflateRawSync(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data) >>> 0;
    if (data.length >= LIMIT || offset >= LIMIT) throw new ZipTooLarge('a file or zip of 4 GiB or more needs zip64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8, 8);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);

    parts.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (offset + centralSize >= LIMIT) throw new ZipTooLarge('a zip of 4 GiB or more needs zip64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...parts, ...central, end]);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
