import { describe, expect, it } from 'vitest';
import { agreementState, decisionDateProblems, statusAfterAgreement, type Agreement } from '../../src/domain/agreement.js';
import { assertOpenForWork, decidePathway, formatCaseReference, referralDateProblems } from '../../src/domain/case.js';
import { assertLibraryNames } from '../../src/domain/document.js';

describe('eligibility for statutory ECM', () => {
  it('six months left on the order is enough', () => {
    expect(decidePathway({ orderStart: '2026-01-01', orderEnd: '2027-05-27', pathway: undefined }, '2026-11-27').pathway).toBe('statutory_ecm');
  });
  it('a day short of six months is a consultation', () => {
    expect(decidePathway({ orderStart: '2026-01-01', orderEnd: '2027-05-26', pathway: undefined }, '2026-11-27').pathway).toBe('consultation');
  });
  it('no order (out of court or pre-court) is a consultation', () => {
    expect(decidePathway({ orderStart: null, orderEnd: null, pathway: undefined }, '2026-11-27').pathway).toBe('consultation');
  });
  it('asking for statutory ECM without enough time left is refused with the eligible pathway', () => {
    expect(() => decidePathway({ orderStart: '2026-01-01', orderEnd: '2027-01-01', pathway: 'statutory_ecm' }, '2026-11-27')).toThrow(
      /case consultation instead/,
    );
  });
  it('a consultation may be asked for even when statutory ECM is possible', () => {
    expect(decidePathway({ orderStart: '2026-01-01', orderEnd: '2028-01-01', pathway: 'consultation' }, '2026-11-27').pathway).toBe('consultation');
  });
});

describe('case references', () => {
  it('are service, year and a four-digit number', () => {
    expect(formatCaseReference('BRI', 2026, 42)).toBe('BRI-2026-0042');
    expect(formatCaseReference('NSO', 2027, 12345)).toBe('NSO-2027-12345');
  });

  it('that a service makes are accepted as folder names in its library, the ten-thousandth case too', () => {
    expect(() => assertLibraryNames(formatCaseReference('NSO', 2027, 12345), 'NSO-2027-12345_review-record.docx')).not.toThrow();
    expect(() => assertLibraryNames('NSO-2027-12345/..')).toThrow();
  });
});

let seq = 0;
const decision = (party: Agreement['party'], d: Agreement['decision'], at: string): Agreement => ({
  id: at,
  caseId: 'c',
  seq: ++seq,
  party,
  decision: d,
  date: at.slice(0, 10),
  method: 'in_person',
  competenceNote: null,
  recordedBy: 's',
  recordedByName: 'S',
  recordedAt: at,
});

describe('agreement', () => {
  it('the case becomes active when both the young person and the parent or carer have agreed', () => {
    const state = agreementState([decision('young_person', 'given', '2026-01-01T10:00:00Z'), decision('parent_carer', 'given', '2026-01-02T10:00:00Z')]);
    expect(statusAfterAgreement('referred', state)).toBe('active');
  });
  it('one agreement alone leaves the case awaiting agreement', () => {
    expect(statusAfterAgreement('referred', agreementState([decision('young_person', 'given', '2026-01-01T10:00:00Z')]))).toBe('awaiting_agreement');
  });
  it('withdrawal takes an active case back to awaiting agreement, which stops new work', () => {
    const state = agreementState([
      decision('young_person', 'given', '2026-01-01T10:00:00Z'),
      decision('parent_carer', 'given', '2026-01-02T10:00:00Z'),
      decision('young_person', 'withdrawn', '2026-03-01T10:00:00Z'),
    ]);
    const status = statusAfterAgreement('active', state);
    expect(status).toBe('awaiting_agreement');
    expect(() => assertOpenForWork({ status })).toThrow(/agreed to take part/);
  });
  it('nothing beyond the referral is recorded before agreement', () => {
    expect(() => assertOpenForWork({ status: 'referred' })).toThrow();
    expect(() => assertOpenForWork({ status: 'closed' })).toThrow(/closed/);
    expect(() => assertOpenForWork({ status: 'active' })).not.toThrow();
  });
  it('a decision is dated the day it was made or earlier, never in the future, never before the young person was born', () => {
    const today = '2026-11-27';
    const born = '2011-05-14';
    expect(decisionDateProblems({ date: today }, today, born)).toEqual([]);
    expect(decisionDateProblems({ date: '2026-11-01' }, today, born)).toEqual([]);
    expect(decisionDateProblems({ date: '2026-11-28' }, today, born)).toEqual([{ path: 'date', message: expect.stringMatching(/future/) }]);
    expect(decisionDateProblems({ date: '2011-05-13' }, today, born)).toEqual([
      { path: 'date', message: expect.stringMatching(/before the young person's date of birth/) },
    ]);
    expect(decisionDateProblems({ date: 'not a date' }, today, born)).toEqual([]);
  });
  it('a closed case stays closed whatever is recorded', () => {
    expect(statusAfterAgreement('closed', { young_person: 'given', parent_carer: 'given' })).toBe('closed');
  });
});

describe("a referral's dates, checked against each other and today", () => {
  const today = '2026-11-27';
  const paths = (input: Record<string, unknown>) => referralDateProblems(input, today).map((p) => p.path);

  it('a date of birth in the future, an order that ends before it starts and one that starts before birth are all found', () => {
    expect(paths({ childDateOfBirth: '2026-12-01', orderStart: '2026-10-01', orderEnd: '2026-09-01' })).toEqual(['childDateOfBirth', 'orderEnd']);
    expect(paths({ childDateOfBirth: '2011-05-14', orderStart: '2010-10-01', orderEnd: '2027-09-01' })).toEqual(['orderStart']);
  });
  it('an order ends after it starts, not on the same day', () => {
    expect(paths({ childDateOfBirth: '2011-05-14', orderStart: '2026-10-01', orderEnd: '2026-10-01' })).toEqual(['orderEnd']);
    expect(paths({ childDateOfBirth: '2011-05-14', orderStart: '2026-10-01', orderEnd: '2026-10-02' })).toEqual([]);
  });
  it('both order dates or neither', () => {
    expect(paths({ childDateOfBirth: '2011-05-14', orderStart: '2026-10-01', orderEnd: null })).toEqual(['orderEnd']);
    expect(paths({ childDateOfBirth: '2011-05-14', orderStart: null, orderEnd: null })).toEqual([]);
  });
  it('dates that are not dates are left to the field checks', () => {
    expect(paths({ childDateOfBirth: 'soon', orderStart: 3, orderEnd: 'later' })).toEqual([]);
  });
});
