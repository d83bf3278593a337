import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packWord, para } from '../../src/documents/word.js';
import { readZip } from '../support/zipReader.js';

const report = () =>
  packWord({
    reference: 'BRI-2026-0042',
    documentTitle: 'Formulation report',
    sections: [{ children: Array.from({ length: 200 }, () => para('Moved school after the family was rehoused.')) }],
  });

/** A .docx is a zip of docx's parts, zipped by zlib (src/lib/zipWriter.ts) rather than by docx's JSZip. */
describe('the package of a Word document', () => {
  it('is a plain zip that two readers open, CRCs checked, holding the parts Word needs', async () => {
    const zip = await report();
    const names = readZip(zip).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'docProps/core.xml']));
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([...names].sort());
  });

  it('holds the text given, deflated', async () => {
    const zip = await report();
    const document = Buffer.from(unzipSync(zip)['word/document.xml']!).toString('utf8');
    expect(document).toContain('Moved school after the family was rehoused.');
    expect(zip.byteLength).toBeLessThan(Buffer.byteLength(document) / 2);
  });
});
