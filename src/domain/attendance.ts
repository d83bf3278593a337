import { z } from 'zod';
import type { Instant } from './dates.js';
import { ruleViolation } from './errors.js';
import type { Agency } from './staff.js';
import { staffIdSchema } from './staff.js';

/**
 * Who was at a meeting, taken during it: kept apart from the replies to its invitation, which say
 * only who meant to come.
 */
export const ATTENDANCE_MARKS = ['present', 'apologies', 'absent'] as const;
export type AttendanceMarkValue = (typeof ATTENDANCE_MARKS)[number];

export interface AttendanceMark {
  meetingId: string;
  staffId: string;
  name: string;
  agency: Agency;
  mark: AttendanceMarkValue;
  markedBy: string;
  markedAt: Instant;
}

export const attendanceInputSchema = z
  .object({
    marks: z
      .array(z.object({ staffId: staffIdSchema, mark: z.enum(ATTENDANCE_MARKS) }).strict())
      .min(1)
      .max(60),
  })
  .strict()
  .refine((a) => new Set(a.marks.map((m) => m.staffId)).size === a.marks.length, { message: 'each person once', path: ['marks'] });

/** Someone may be marked if they were invited, or are on the case team and came along. */
export function assertMarkable(staffIds: string[], invited: ReadonlySet<string>, team: ReadonlySet<string>): void {
  const strangers = staffIds.filter((id) => !invited.has(id) && !team.has(id));
  if (strangers.length) {
    throw ruleViolation('Only people invited to this meeting, or on the case team, can be marked in its register.', { notInvitedOrOnTeam: strangers });
  }
}

/** The agencies that had someone there, each once, in the order first marked present. */
export const agenciesRepresented = (marks: Pick<AttendanceMark, 'mark' | 'agency'>[]): Agency[] => [
  ...new Set(marks.filter((m) => m.mark === 'present').map((m) => m.agency)),
];
