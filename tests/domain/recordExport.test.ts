import { describe, expect, it } from 'vitest';
import { documentNameInExport, expiryOf, hasExpired, reasonsForReview, recordExportRequestSchema } from '../../src/domain/recordExport.js';

const context = { childName: 'Jordan Ellis', staffNames: ['Grace Adeyemi', 'Sam Okafor'], placeWords: ['Bristol Youth Justice Service'] };

describe('entries listed for review before release, because they may name someone else', () => {
  it('lists a relation: the mother, a brother, a teacher', () => {
    expect(reasonsForReview('Lived with his mother and older brother.', context)).toEqual(['a relation: "mother"', 'a relation: "brother"']);
    expect(reasonsForReview('His Teacher said he was kind.', context)).toEqual(['a relation: "teacher"']);
  });

  it('lists a capitalised name that does not start a sentence, and any word after a title', () => {
    expect(reasonsForReview('Stayed at Kelly’s flat for a week.', context)).toEqual(['a name: "Kelly"']);
    expect(reasonsForReview('Referred by Mr Hughes.', context)).toEqual(['a name: "Hughes"']);
    expect(reasonsForReview('Kelly visited. Tom did not.', context)).toEqual([]);
  });

  it("does not list the child's own name, calendar words, common institutions or the service", () => {
    expect(reasonsForReview('In March Jordan moved to Hillside Academy and joined the Youth Club on Monday.', context)).toEqual([
      'a name: "Hillside"',
      'a name: "Club"',
    ]);
    expect(reasonsForReview('Jordan Ellis was seen by CAMHS at the Hospital in May.', context)).toEqual([]);
    expect(reasonsForReview('Known to Bristol Youth Justice Service since 2024.', context)).toEqual([]);
  });

  it('lists a member of staff from the directory, wherever the name stands', () => {
    expect(reasonsForReview('Grace Adeyemi met the family.', context)).toEqual(['a member of staff: "Grace Adeyemi"']);
  });

  it('lists nothing for a plain fact about the child alone', () => {
    expect(reasonsForReview('Excluded for two days after a fight at school.', context)).toEqual([]);
  });
});

describe('names and times of an export', () => {
  it("names a document by the library's name, or by the case reference when that name carries the child's name", () => {
    expect(documentNameInExport('BRI-2026-0042_formulation-report-v1.docx', 'BRI-2026-0042', 'Jordan Ellis', 1)).toBe(
      'BRI-2026-0042_formulation-report-v1.docx',
    );
    expect(documentNameInExport('letter to jordan.pdf', 'BRI-2026-0042', 'Jordan Ellis', 3)).toBe('BRI-2026-0042_document-3.pdf');
    expect(documentNameInExport('a/../b.txt', 'BRI-2026-0042', 'Jordan Ellis', 1)).toBe('a_.._b.txt');
  });

  it('keeps an export for seven days to the millisecond, on the clock given', () => {
    const at = '2026-11-27T10:00:00.000Z';
    expect(expiryOf(at)).toBe('2026-12-04T10:00:00.000Z');
    expect(hasExpired(expiryOf(at), '2026-12-04T09:59:59.999Z')).toBe(false);
    expect(hasExpired(expiryOf(at), '2026-12-04T10:00:00.000Z')).toBe(true);
  });

  it('asks who wants the record, and refuses anything else', () => {
    expect(recordExportRequestSchema.safeParse({ requestedFor: 'solicitor' }).success).toBe(true);
    expect(recordExportRequestSchema.safeParse({ requestedFor: 'solicitor', childName: 'x' }).success).toBe(false);
    expect(recordExportRequestSchema.safeParse({}).success).toBe(false);
  });
});
