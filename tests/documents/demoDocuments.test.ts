import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoDocuments, demoDocuments, readableParts } from '../support/demoDocuments.js';

/**
 * Every document of every fictional demo case, as published to the library and as served by the
 * API, read for the child's name and date of birth. DESIGN.md §2: they stay in the database and the tab.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The date of birth as people write it, each way spelled out (not by the code under test). */
export function datesWrittenAs(iso: string): string[] {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const day = String(Number(d));
  const mon = String(Number(m));
  const month = MONTHS[Number(m) - 1] as string;
  const short = month.slice(0, 3);
  const yy = y.slice(2);
  const th = `${day}${['11', '12', '13'].includes(day) ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' }) as Record<string, string>)[day.slice(-1)] ?? 'th'}`;
  return [
    iso,
    `${y}/${m}/${d}`,
    `${y}${m}${d}`,
    `${d}/${m}/${y}`,
    `${day}/${mon}/${y}`,
    `${d}-${m}-${y}`,
    `${d}.${m}.${y}`,
    `${d}/${m}/${yy}`,
    `${m}/${d}/${y}`,
    `${mon}/${day}/${y}`,
    `${day} ${month} ${y}`,
    `${d} ${month} ${y}`,
    `${th} ${month} ${y}`,
    `${th} of ${month} ${y}`,
    `${day} ${short} ${y}`,
    `${day} ${short}. ${y}`,
    `${day}-${short}-${y}`,
    `${month} ${day}, ${y}`,
    `${month} ${day} ${y}`,
    `${month} ${th}, ${y}`,
    `${short} ${day}, ${y}`,
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'iu');

describe('no published document names the child or gives their date of birth', () => {
  let demo: DemoDocuments;
  beforeAll(async () => {
    demo = await demoDocuments();
  }, 300_000);
  afterAll(() => demo?.server.close());

  it('holds every kind of document: reports of each version, youth-friendly versions, review records, pictures, library metadata', () => {
    const names = demo.files.map((f) => f.fileName);
    for (const kind of [/_formulation-report\.docx/, /_youth-friendly-formulation\.docx/, /_review-record_\d{4}-\d{2}-\d{2}\.docx/, /_timeline\.svg/, /\.json$/]) {
      expect(names.some((n) => kind.test(n))).toBe(true);
    }
    // A report kept in the library in several versions (v1, then v2 after a review).
    expect(demo.files.filter((f) => /formulation-report\.docx\.v/.test(f.origin)).length).toBeGreaterThan(1);
    // A birth entry dated on the day of birth is among what the demo's documents are made from.
    expect(demo.cases.length).toBeGreaterThanOrEqual(10);
  });

  it('in no file, file name, folder name, part, picture, property or metadata record', () => {
    const found: string[] = [];
    for (const c of demo.cases) {
      const parts = c.childName.split(/\s+/);
      const needles = [c.childName, ...parts].map(wholeWord);
      const dates = datesWrittenAs(c.dateOfBirth).map(wholeWord);
      const ofCase = demo.files.filter((f) => f.origin.includes(c.view.id) || f.origin.includes(c.view.reference));
      expect(ofCase.length, c.view.reference).toBeGreaterThan(0);
      for (const f of ofCase) {
        for (const where of [f.origin, f.fileName]) for (const n of [...needles, ...dates]) if (n.test(where)) found.push(`${where}: ${n.source}`);
        for (const { part, text } of readableParts(f)) {
          for (const n of needles) if (n.test(text)) found.push(`${part}: the name (${n.source})`);
          for (const n of dates) if (n.test(text)) found.push(`${part}: the date of birth (${n.source})`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
