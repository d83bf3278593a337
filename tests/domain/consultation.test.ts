import { describe, expect, it } from 'vitest';
import {
  consultationMeetingProblems,
  consultationRequestSchema,
  followUpOf,
  identityProblems,
  type ConsultationMeeting,
} from '../../src/domain/consultation.js';

const TODAY = '2026-11-27';
const AGREED = { agreedBy: 'The young person and his father', date: '2026-11-20', method: 'phone' };

describe('what a consultation may hold before and after the family agrees', () => {
  it('initials and age alone need no agreement', () => {
    expect(identityProblems({ childInitials: 'JT', childAge: 14 }, TODAY)).toEqual([]);
  });

  it('a name or date of birth without the agreement to share is refused beside each field', () => {
    expect(identityProblems({ childName: 'Fictional Child', childDateOfBirth: '2012-03-01' }, TODAY).map((p) => p.path)).toEqual([
      'childName',
      'childDateOfBirth',
    ]);
  });

  it('with the agreement, the name and date of birth come together', () => {
    expect(identityProblems({ sharingAgreement: AGREED, childName: 'Fictional Child' }, TODAY)).toEqual([
      { path: 'childDateOfBirth', message: expect.stringMatching(/^is missing/) },
    ]);
  });

  it('identifying a consultation asks for the agreement even when no detail is given', () => {
    expect(identityProblems({}, TODAY, true).map((p) => p.path)).toEqual(['childName', 'childDateOfBirth', 'sharingAgreement']);
  });

  it('checks the dates against today, each other and the age given', () => {
    const problems = identityProblems(
      { sharingAgreement: { ...AGREED, date: '2026-11-28' }, childName: 'Fictional Child', childDateOfBirth: '2012-03-01', childAge: 12 },
      TODAY,
    );
    expect(problems).toEqual([
      { path: 'sharingAgreement.date', message: expect.stringMatching(/in the future/) },
      { path: 'childAge', message: expect.stringMatching(/gives 14/) },
    ]);
  });

  it('keeps initials as capital letters, however they were typed, and no more than three: never a short name', () => {
    const parsed = consultationRequestSchema.parse({ serviceId: 'BRI', disposal: 'outcome_22', question: 'Q?', childInitials: 'j. t.', childAge: 15 });
    expect(parsed.childInitials).toBe('JT');
    expect(
      consultationRequestSchema.safeParse({ serviceId: 'BRI', disposal: 'outcome_22', question: 'Q?', childInitials: 'J.T.M.', childAge: 15 }).success,
    ).toBe(true);
    expect(consultationRequestSchema.safeParse({ serviceId: 'BRI', disposal: 'outcome_22', question: 'Q?', childInitials: 'John', childAge: 15 }).success).toBe(
      false,
    );
  });
});

describe('the consultation meeting', () => {
  it('is recorded once held, and its follow-up comes after it', () => {
    expect(consultationMeetingProblems({ heldOn: '2026-11-28', followUpOn: '2026-11-28' }, TODAY).map((p) => p.path)).toEqual(['heldOn', 'followUpOn']);
    expect(consultationMeetingProblems({ heldOn: TODAY, followUpOn: null }, TODAY)).toEqual([]);
  });

  it('the follow-up date shown is the latest meeting’s', () => {
    const meeting = (heldOn: string, followUpOn: string | null) => ({ heldOn, followUpOn, recordedAt: `${heldOn}T10:00:00.000Z` }) as ConsultationMeeting;
    expect(followUpOf([meeting('2026-10-01', '2026-11-01'), meeting('2026-09-01', '2026-10-01')])).toBe('2026-11-01');
    expect(followUpOf([meeting('2026-10-01', null), meeting('2026-09-01', '2026-10-01')])).toBeNull();
    expect(followUpOf([])).toBeNull();
  });
});
