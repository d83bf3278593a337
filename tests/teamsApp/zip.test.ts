import { describe, expect, it } from 'vitest';
import { writeZip } from '../../src/teamsApp/zip.js';
import { readZip, ZipError } from '../support/zipReader.js';

const entries = [
  { name: 'manifest.json', data: new TextEncoder().encode('{"name":"ECM for Teams"}'.repeat(50)) },
  { name: 'color.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
];

describe('the app package zip', () => {
  it('reads back every entry written, byte for byte', () => {
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it('notices an entry whose bytes were damaged', () => {
    const zip = writeZip([{ name: 'a.txt', data: new Uint8Array(0) }, ...entries]);
    // Flip one stored byte of the last entry ("color.png", stored deflated just before the directory).
    const directoryAt = zip.readUInt32LE(zip.length - 22 + 16);
    zip.writeUInt8(zip.readUInt8(directoryAt - 3) ^ 0xff, directoryAt - 3);
    expect(() => readZip(zip)).toThrow(ZipError);
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(new TextEncoder().encode('certainly not a zip archive, just some text'))).toThrow('not a zip file');
  });
});
