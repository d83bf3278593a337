import { describe, expect, it } from 'vitest';
import { reviewPunctuality, toCsv } from '../../src/domain/outcomes.js';
import { isPastRetention, retainUntil } from '../../src/domain/retention.js';
import { DEFAULT_REVIEW_CADENCE } from '../../src/domain/service.js';
import { withoutChildName } from '../../src/documents/wording.js';
import { dossierWith } from '../support/dossierFactory.js';

const policy = { statutoryYears: 7, consultationYears: 2 };

describe('retention', () => {
  it('keeps a closed case for its pathway’s years after the day it closed', () => {
    expect(retainUntil({ closedAt: '2026-11-27T15:00:00.000Z', pathway: 'statutory_ecm' }, policy)).toBe('2033-11-27');
    expect(retainUntil({ closedAt: '2026-11-27T15:00:00.000Z', pathway: 'consultation' }, policy)).toBe('2028-11-27');
    expect(retainUntil({ closedAt: null, pathway: 'consultation' }, policy)).toBeNull();
  });

  it('is past retention only from the day after, and never while open', () => {
    const closed = { closedAt: '2026-11-27T15:00:00.000Z', pathway: 'consultation' as const, status: 'closed' as const };
    expect(isPastRetention(closed, policy, '2028-11-27')).toBe(false);
    expect(isPastRetention(closed, policy, '2028-11-28')).toBe(true);
    expect(isPastRetention({ ...closed, status: 'active', closedAt: null }, policy, '2099-01-01')).toBe(false);
  });
});

describe('reviews held on time', () => {
  it('counts a review held before it became overdue, measured from the approval or meeting before it', () => {
    const d = dossierWith(3);
    const review = d.meetings[0]!; // held 2027-02-12, 12 weeks after the approval on 2026-11-20: due, not overdue
    expect(reviewPunctuality(d.formulations, [review], DEFAULT_REVIEW_CADENCE)).toEqual({ held: 1, onTime: 1 });
    const late = { ...review, id: 'late', startsAt: '2027-02-20T10:00:00.000Z' }; // 13 weeks and a day: overdue
    expect(reviewPunctuality(d.formulations, [late], DEFAULT_REVIEW_CADENCE)).toEqual({ held: 1, onTime: 0 });
  });
});

describe('the CSV writer', () => {
  it('quotes what needs quoting and defuses cells a spreadsheet would run as formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          { a: 'x,y', b: '=SUM(A1)' },
          { a: null, b: -3 },
        ],
      ),
    ).toBe(`a,b\r\n"x,y",'=SUM(A1)\r\n,-3\r\n`);
  });
});

describe('the child’s name in free text', () => {
  it('becomes “the young person”, and the family name alone “[family name]”', () => {
    expect(withoutChildName('Jordan Test was excluded. Jordan’s mother left; Mr Test moved out. Jordanian food.', 'Jordan Test')).toBe(
      "The young person was excluded. The young person's mother left; Mr [family name] moved out. Jordanian food.",
    );
  });

  it('is found whatever its case, but a lone name in lower case is left, since names are often ordinary words', () => {
    expect(withoutChildName('JORDAN TEST left. jordan test came back; JORDAN said hello. Mrs TEST rang.', 'Jordan Test')).toBe(
      'The young person left. The young person came back; the young person said hello. Mrs [family name] rang.',
    );
    expect(withoutChildName('Will will go to school. Mr Young met the young person.', 'Will Young')).toBe(
      'The young person will go to school. Mr [family name] met the young person.',
    );
  });
});
