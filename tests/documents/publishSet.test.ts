import { describe, expect, it } from 'vitest';
import { resvgRasteriser } from '../../src/adapters/resvg/resvgRasteriser.js';
import { documentsToPublish } from '../../src/documents/publishSet.js';
import { timelinePicture } from '../../src/documents/timelinePicture.js';
import { openDocx } from '../support/docx.js';
import { CHILD_DOB, CHILD_NAME, dossierWith } from '../support/dossierFactory.js';

const rasteriser = resvgRasteriser();
const rasterise = (svg: string, w: number) => rasteriser.toPng(svg, w);

describe('the documents published for a case', () => {
  it('on approval: the report, the youth-friendly version and the timeline picture, with their metadata and the case’s real next review', async () => {
    const d = dossierWith(30);
    const docs = await documentsToPublish(d, { kind: 'formulation.approved', formulationNumber: 1 }, rasterise);
    expect(docs.map((x) => x.fileName)).toEqual([
      'BRI-2026-0042_formulation-report.docx',
      'BRI-2026-0042_youth-friendly-formulation.docx',
      'BRI-2026-0042_timeline.svg',
    ]);
    expect(docs.map((x) => x.metadata)).toEqual(
      ['formulation_report', 'youth_friendly_formulation', 'timeline_picture'].map((documentType) => ({
        caseReference: 'BRI-2026-0042',
        documentType,
        version: 'v1',
        // The review held on 12 February agreed the next one for 1 May.
        reviewDate: '2027-05-01',
        retainUntil: null,
      })),
    );
    for (const x of docs.filter((x) => x.fileName.endsWith('.docx'))) expect(openDocx(x.content).parts['word/document.xml']).toBeTruthy();
  });

  it('on a review: the review record, with the next review date and, for a closed case, its retain-until date; and the young person’s copy again', async () => {
    const d = dossierWith(5);
    const closed = { ...d, case: { ...d.case, status: 'closed' as const, closedAt: '2027-03-01T09:00:00.000Z' } };
    const [record, ...rest] = await documentsToPublish(closed, { kind: 'review.recorded', meetingId: d.meetings[0]!.id }, rasterise);
    expect(rest.map((x) => [x.fileName, x.metadata.version])).toEqual([['BRI-2026-0042_youth-friendly-formulation.docx', 'v1']]);
    expect(record!.fileName).toBe('BRI-2026-0042_review-record_2027-02-12.docx');
    expect(record!.metadata).toEqual({
      caseReference: 'BRI-2026-0042',
      documentType: 'review_record',
      version: 'review 1',
      reviewDate: '2027-05-01',
      retainUntil: '2034-03-01',
    });
  });
});

describe('the timeline picture', () => {
  it('is an SVG with a title, every entry as a numbered mark, shapes for tone, and no name or date of birth', () => {
    const d = dossierWith(25);
    const { svg, width, height } = timelinePicture({
      reference: d.case.reference,
      dateOfBirth: CHILD_DOB,
      today: d.today,
      settings: d.service.settings,
      timeline: d.timeline,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(width).toBeGreaterThan(height);
    expect(svg).toContain('<title id="title">Life timeline, case BRI-2026-0042</title>');
    expect(svg.match(/<title>E\d+ · /g)).toHaveLength(25);
    expect(svg).toContain('<path d="M'); // triangles: adverse
    expect(svg).toContain('<circle'); // circles: positive
    for (const part of [CHILD_NAME, ...CHILD_NAME.split(' '), CHILD_DOB]) expect(svg).not.toContain(part);
  });

  it('prints each evidence number by its mark, names every stage in full, wraps long lane labels and draws a line for today', () => {
    const d = dossierWith(25);
    const settings = {
      ...d.service.settings,
      categories: d.service.settings.categories.map((c) => (c.key === 'home_family' ? { ...c, label: 'Exploitation and missing episodes at home' } : c)),
    };
    const { svg } = timelinePicture({ reference: d.case.reference, dateOfBirth: CHILD_DOB, today: d.today, settings, timeline: d.timeline });
    const printed = [...svg.matchAll(/<text [^>]*font-size="11"[^>]*>(E\d+)<\/text>/g)].map((m) => m[1]);
    expect(new Set(printed)).toEqual(new Set(d.timeline.map((_, i) => `E${i + 1}`)));
    for (const stage of ['Pregnancy', 'Infancy 0–2', 'Early years 3–4', 'Primary 5–10', 'Secondary 11–15']) expect(svg).toContain(`>${stage}</text>`);
    expect(svg).toContain('>Exploitation and missing</text>');
    expect(svg).toMatch(/>episodes at home \(\d+\)<\/text>/);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('>Now</text>');
    expect(svg).toContain('Bar: known only to a year, an age or a life stage; it spans that time');
    expect(svg.match(/>OFFICIAL-SENSITIVE</g)).toHaveLength(2);
    // The record kept at an approval is drawn as at that day.
    expect(
      timelinePicture({ reference: d.case.reference, dateOfBirth: CHILD_DOB, today: '2026-11-20', settings, timeline: d.timeline, asAtApproval: true }).svg,
    ).toContain('>Approved</text>');
  });

  it('spreads marks close together over rows, so no two marks of a lane sit on each other', () => {
    const d = dossierWith(6);
    const sameDay = d.timeline.map((e) => ({
      ...e,
      category: 'education',
      when: { precision: 'day' as const, date: '2020-03-02' },
      span: { start: '2020-03-02', end: '2020-03-02' },
    }));
    const { svg } = timelinePicture({
      reference: d.case.reference,
      dateOfBirth: CHILD_DOB,
      today: d.today,
      settings: d.service.settings,
      timeline: sameDay.slice(0, 4),
    });
    const ys = [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="12" height="12"/g)].map((m) => m[1]);
    expect(ys).toHaveLength(4);
    expect(new Set(ys).size).toBe(4);
  });

  it('escapes a category label that holds XML characters', () => {
    const d = dossierWith(3);
    const settings = {
      ...d.service.settings,
      categories: d.service.settings.categories.map((c) => (c.key === 'home_family' ? { ...c, label: 'Home & <family>' } : c)),
    };
    const { svg } = timelinePicture({ reference: d.case.reference, dateOfBirth: CHILD_DOB, today: d.today, settings, timeline: d.timeline });
    expect(svg).toContain('Home &amp; &lt;family&gt;');
    expect(svg).not.toContain('Home & <family>');
  });
});
