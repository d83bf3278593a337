import { zipSync } from 'fflate';

/**
 * The app package's zip, written by fflate (deflate, the three small files Teams expects). Every
 * entry carries a fixed timestamp so the same inputs always give the same bytes.
 */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

// 2026-01-01 00:00 (UTC), the timestamp every entry carries.
const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

export function writeZip(entries: ZipEntry[]): Buffer {
  const files = Object.fromEntries(entries.map((e) => [e.name, [e.data, { level: 9, mtime: FIXED_TIME }] as const]));
  return Buffer.from(zipSync(files as Parameters<typeof zipSync>[0]));
}
