import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../src/documents/zip.js';

/** The container of every .docx: a plain zip, deflated by zlib, that any reader opens. */
describe('the zip of a document’s parts', () => {
  const xml = new TextEncoder().encode(`<?xml version="1.0"?><w:document>${'<w:p>Moved school after the family was rehoused.</w:p>'.repeat(200)}</w:document>`);
  const picture = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 251);

  it('holds each part under its path, byte for byte, names in UTF-8', async () => {
    const zip = await zipOf([
      { path: '[Content_Types].xml', bytes: xml },
      { path: 'word/media/bild-ä.png', bytes: picture },
    ]);

    const parts = unzipSync(zip);
    expect(Object.keys(parts)).toEqual(['[Content_Types].xml', 'word/media/bild-ä.png']);
    expect(parts['[Content_Types].xml']).toEqual(xml);
    expect(parts['word/media/bild-ä.png']).toEqual(picture);
  });

  it('compresses, and makes the same bytes from the same parts', async () => {
    const once = await zipOf([{ path: 'word/document.xml', bytes: xml }]);
    const again = await zipOf([{ path: 'word/document.xml', bytes: xml }]);

    expect(once.length).toBeLessThan(xml.length / 5);
    expect(again).toEqual(once);
  });

  it('carries each part’s checksum, which readers check', async () => {
    const zip = Buffer.from(await zipOf([{ path: 'word/document.xml', bytes: xml }]));

    const localHeaderCrc = zip.readUInt32LE(14);
    const centralDirectoryCrc = zip.readUInt32LE(zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16);
    expect(localHeaderCrc).toBe(crc32(xml));
    expect(centralDirectoryCrc).toBe(crc32(xml));
  });
});
