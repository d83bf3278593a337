import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isSafeZipName, writeZip } from '../../src/lib/zipWriter.js';
import { readZip } from '../support/zipReader.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const AT = new Date('2026-11-27T10:00:00.000Z');

describe('the zip writer of the record export', () => {
  it('writes files that a reader written apart reads back byte for byte, CRCs checked, in the order given', () => {
    const files = [
      { name: 'BRI-2026-0042/README.txt', data: bytes('What is inside.\r\n'.repeat(50)) },
      { name: 'BRI-2026-0042/timeline.json', data: bytes(JSON.stringify({ entries: Array.from({ length: 100 }, (_, i) => ({ i, text: 'Moved school.' })) })) },
      { name: 'BRI-2026-0042/documents/empty.txt', data: new Uint8Array() },
    ];
    const zip = writeZip(files, AT);
    expect(readZip(zip).map((e) => [e.name, Buffer.from(e.data).toString('utf8')])).toEqual(files.map((f) => [f.name, Buffer.from(f.data).toString('utf8')]));
  });

  it('keeps names in UTF-8, flagged so, and another zip library (fflate) reads the same files', () => {
    const files = [{ name: 'BRI-2026-0042/notes – café ✓.txt', data: bytes('naïve') }];
    const zip = writeZip(files, AT);
    expect(readZip(zip)[0]!.name).toBe('BRI-2026-0042/notes – café ✓.txt');
    // General purpose bit 11 (UTF-8) in the first local header.
    expect(Buffer.from(zip).readUInt16LE(6) & 0x0800).toBe(0x0800);
    expect(Object.keys(unzipSync(zip))).toEqual(['BRI-2026-0042/notes – café ✓.txt']);
  });

  it('stores what deflate cannot shrink and deflates what it can, and the zip is smaller than repetitive text', () => {
    // Hashes chained together: bytes with no pattern deflate could use, the same every run.
    const random = new Uint8Array(Buffer.concat(Array.from({ length: 128 }, (_, i) => createHash('sha256').update(String(i)).digest())));
    const repetitive = bytes('The same line again.\n'.repeat(1000));
    const zip = writeZip(
      [
        { name: 'a.bin', data: random },
        { name: 'b.txt', data: repetitive },
      ],
      AT,
    );
    const b = Buffer.from(zip);
    expect(b.readUInt16LE(8)).toBe(0); // a.bin: stored
    expect(zip.byteLength).toBeLessThan(random.byteLength + repetitive.byteLength / 10);
    expect(readZip(zip).map((e) => e.data.byteLength)).toEqual([4096, repetitive.byteLength]);
  });

  it('refuses names that would escape the folder or name a file twice', () => {
    for (const name of ['/etc/passwd', '../up.txt', 'a/../../b', 'a\\b', '', 'a//b']) {
      expect(isSafeZipName(name), name).toBe(false);
      expect(() => writeZip([{ name, data: bytes('x') }], AT), name).toThrow();
    }
    expect(() =>
      writeZip(
        [
          { name: 'a.txt', data: bytes('1') },
          { name: 'a.txt', data: bytes('2') },
        ],
        AT,
      ),
    ).toThrow(/two files/);
  });

  it('reads back any set of files it is given (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ name: fc.stringMatching(/^[a-z0-9é_-]{1,12}(\/[a-z0-9_-]{1,8}){0,2}\.(txt|json)$/), data: fc.uint8Array({ maxLength: 2000 }) }),
          {
            selector: (f) => f.name,
            maxLength: 12,
          },
        ),
        (files) => {
          const back = readZip(writeZip(files, AT));
          expect(back.map((e) => e.name)).toEqual(files.map((f) => f.name));
          back.forEach((e, i) => expect(Buffer.from(e.data).equals(Buffer.from(files[i]!.data))).toBe(true));
        },
      ),
      { numRuns: 60 },
    );
  });

  it.runIf(existsSync('/usr/bin/unzip'))("Info-ZIP's unzip tests the archive without a warning (where unzip is installed)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      const path = join(dir, 'record.zip');
      writeFileSync(
        path,
        writeZip(
          [
            { name: 'BRI-2026-0042/README.txt', data: bytes('hello') },
            { name: 'BRI-2026-0042/documents/a.json', data: bytes('{}') },
          ],
          AT,
        ),
      );
      const out = execFileSync('/usr/bin/unzip', ['-t', path], { encoding: 'utf8' });
      expect(out).toMatch(/No errors detected/);
      expect(readFileSync(path).byteLength).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
