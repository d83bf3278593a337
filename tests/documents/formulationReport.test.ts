import { describe, expect, it } from 'vitest';
import { resvgRasteriser } from '../../src/adapters/resvg/resvgRasteriser.js';
import { AGENCY_LABELS } from '../../src/contract/words.js';
import { formulationReport } from '../../src/documents/formulationReport.js';
import { mediaOf, openDocx } from '../support/docx.js';
import { CHILD_DOB, CHILD_NAME, dossierWith } from '../support/dossierFactory.js';

const rasteriser = resvgRasteriser();
const rasterise = (svg: string, w: number) => rasteriser.toPng(svg, w);

describe('the formulation report', () => {
  it('opens as a Word document with its parts, real headings, tables and lists', async () => {
    const file = await formulationReport(dossierWith(40), { rasterise });
    const doc = openDocx(file.content);
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']) {
      expect(Object.keys(doc.parts)).toContain(part);
    }
    expect(doc.parts['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
    expect(doc.body).toMatch(/^<\?xml[^>]*\?>\s*<w:document /);
    expect(doc.body).toContain('<w:tbl>');
    expect(doc.body).toContain('<w:tblHeader/>');
    expect(doc.body).toContain('<w:numPr>');
    expect(doc.headings.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      'Summary of the young person’s life',
      'Life timeline at a glance',
      'Chronology',
      'What we know and from whom',
      'Psychological hypotheses',
      'Strengths and protective factors',
      'Developmental and cognitive needs',
      'Recommendations, in sequence',
      'Current TRM placement',
      'The young person’s and family’s views',
      'Who took part',
      'Version and approval',
      'Sign-off',
      'Handling',
    ]);
  });

  it('groups the chronology by life stage and lists the recommendations by TRM level, relationship-based first', async () => {
    const doc = openDocx((await formulationReport(dossierWith(40), { rasterise })).content);
    const level2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(level2.slice(0, 5)).toEqual(['Pregnancy', 'Infancy (0–2)', 'Early years (3–4)', 'Primary school years (5–10)', 'Secondary school years (11–15)']);
    const trmHeadings = level2.filter((t) => t.startsWith('TRM level'));
    expect(trmHeadings).toEqual(['TRM level 1: Routine and safe base', 'TRM level 2: Trust and relationships', 'TRM level 4: Insight and regulation']);
    const order = ['Help the family with stable housing.', 'The same worker at the same time each week.', 'Art-based group at the youth club.'].map((t) =>
      doc.allText.indexOf(t),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('says what we know and from whom: entries by life stage and agency, and the missing pieces', async () => {
    const d = dossierWith(40);
    const doc = openDocx((await formulationReport(d, { rasterise })).content);
    const page = doc.allText.slice(doc.allText.indexOf('What we know and from whom'), doc.allText.indexOf('Psychological hypotheses'));
    for (const agency of new Set(d.timeline.map((e) => e.sourceAgency))) expect(page).toContain(AGENCY_LABELS[agency]);
    expect(page).toContain('Life stage');
    expect(page).toMatch(/Not yet contributed: |Every agency on the team has added to the timeline\./);
    // The counts add up to the live entries the chronology lists.
    const numbers = [...page.matchAll(/(?<![\d–-])(\d+)(?![\d–)])/g)].map((m) => Number(m[1]));
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(d.timeline.filter((e) => !e.retraction).length);
  });

  it('links every piece of evidence a hypothesis cites to its entry in the chronology', async () => {
    const d = dossierWith(40);
    const doc = openDocx((await formulationReport(d, { rasterise })).content);
    const anchors = [...doc.body.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const bookmarks = new Set([...doc.body.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
    const cited = d.formulations[0]!.content.hypotheses.flatMap((h) => h.evidence);
    expect(anchors.length).toBeGreaterThanOrEqual(cited.length);
    for (const a of anchors) expect(bookmarks).toContain(a);
    expect(bookmarks.size).toBe(d.timeline.length);
    const firstCited = d.timeline.findIndex((e) => e.id === cited[0]);
    expect(anchors).toContain(`evidence_E${firstCited + 1}`);
  });

  it('embeds the timeline picture as SVG with a PNG for older readers', async () => {
    const file = await formulationReport(dossierWith(40), { rasterise });
    const media = mediaOf(file.content);
    expect(media.some((m) => m.endsWith('.svg'))).toBe(true);
    expect(media.some((m) => m.endsWith('.png'))).toBe(true);
    expect(openDocx(file.content).body).toContain('descr="40 timeline entries');
  });

  it('names the file and every page header by case reference, and leaves the child’s name and date of birth out', async () => {
    const file = await formulationReport(dossierWith(40), { rasterise });
    expect(file.fileName).toBe('BRI-2026-0042_formulation-report.docx');
    const doc = openDocx(file.content);
    expect(doc.parts['word/header1.xml']).toContain('BRI-2026-0042');
    for (const part of [CHILD_NAME, ...CHILD_NAME.split(' '), CHILD_DOB]) {
      expect(file.fileName).not.toContain(part);
      expect(doc.allText).not.toContain(part);
    }
    expect(doc.allText).toContain('The young person is fifteen.');
    expect(doc.allText).toContain('The young person moved in with an aunt');
  });

  it('marks a draft as not yet approved, and an approved version with who approved it and when', async () => {
    const d = dossierWith(5);
    const approved = openDocx((await formulationReport(d, { rasterise })).content).allText;
    expect(approved).toContain('v1 — Approved by Dr Helen Marsh on 20 November 2026');
    const draft = { ...d.formulations[0]!, number: 2, status: 'draft' as const, approvedAt: null, approvedBy: null, approvedByName: null };
    const drafted = openDocx(
      (await formulationReport({ ...d, formulations: [...d.formulations, draft] }, { rasterise, formulationNumber: 2 })).content,
    ).allText;
    expect(drafted).toContain('v2 — Draft: not yet approved');
    expect(drafted).toContain('Earlier versions');
  });
});
