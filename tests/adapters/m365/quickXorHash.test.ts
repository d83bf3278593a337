import { describe, expect, it } from 'vitest';
import { quickXorHash } from '../../../src/adapters/m365/quickXorHash.js';

describe('quickXorHash', () => {
  it('gives the hash OneDrive reports for "hello world"', () => {
    expect(quickXorHash(new TextEncoder().encode('hello world'))).toBe('aCgDG9jwBhDc4Q1yawMZAAAAAAA=');
  });

  it('gives an empty file a block of zeros', () => {
    expect(quickXorHash(new Uint8Array(0))).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  });

  it('tells apart files that differ in one byte past the first 160 bits, and files of different lengths', () => {
    const a = new Uint8Array(5000).map((_, i) => (i * 7) & 0xff);
    const b = a.slice();
    b[4321] = b[4321]! ^ 1;
    expect(quickXorHash(a)).not.toBe(quickXorHash(b));
    expect(quickXorHash(a)).not.toBe(quickXorHash(a.subarray(0, 4999)));
    expect(quickXorHash(a)).toBe(quickXorHash(a.slice()));
  });
});
