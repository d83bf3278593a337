import { describe, expect, it } from 'vitest';
import { agenciesRepresented, assertMarkable, attendanceInputSchema } from '../../src/domain/attendance.js';

describe('the attendance register', () => {
  it('marks someone invited, or on the case team though not invited, and nobody else', () => {
    const invited = new Set(['yjs-amy']);
    const team = new Set(['yjs-amy', 'sw-mark']);
    expect(() => assertMarkable(['yjs-amy', 'sw-mark'], invited, team)).not.toThrow();
    expect(() => assertMarkable(['school-ruth'], invited, team)).toThrow(/invited to this meeting, or on the case team/);
  });
  it('counts each agency with someone present once; apologies and absence do not represent an agency', () => {
    expect(
      agenciesRepresented([
        { mark: 'present', agency: 'youth_justice' },
        { mark: 'apologies', agency: 'police' },
        { mark: 'present', agency: 'youth_justice' },
        { mark: 'absent', agency: 'education' },
        { mark: 'present', agency: 'social_care' },
      ]),
    ).toEqual(['youth_justice', 'social_care']);
  });
  it('takes each person once, with a mark from its list', () => {
    expect(attendanceInputSchema.safeParse({ marks: [{ staffId: 'yjs-amy', mark: 'late' }] }).success).toBe(false);
    expect(
      attendanceInputSchema.safeParse({
        marks: [
          { staffId: 'yjs-amy', mark: 'present' },
          { staffId: 'yjs-amy', mark: 'absent' },
        ],
      }).success,
    ).toBe(false);
  });
});
