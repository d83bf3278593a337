import { z } from 'zod';
import { isIsoDate, type Instant, type IsoDate } from './dates.js';
import { trmLevelSchema } from './trm.js';
import { plainText } from './text.js';
import { ruleViolation } from './errors.js';
import { reviewMeasuresSchema } from './evaluationMeasures.js';
import type { Problem } from './problems.js';
import { type PlanAtReview, reviewOfPlanFields } from './reviewOfPlan.js';
import { staffIdSchema } from './staff.js';

/** Formulation, review and consultation meetings of a case team. */
export const MEETING_KINDS = ['formulation', 'review', 'consultation'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const RESPONSES = ['none', 'accepted', 'tentative', 'declined'] as const;
export type AttendeeResponse = (typeof RESPONSES)[number];

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

// Stored in UTC so that instants compare as strings.
const instant = z.iso.datetime({ offset: true, message: 'is a date and time such as 2026-03-09T10:00:00Z' }).transform((s) => new Date(s).toISOString());

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  startsAt: instant,
  endsAt: instant,
  attendeeIds: z.array(staffIdSchema).min(1).max(60),
  location: plainText(200).optional(),
};

type MeetingTimes = { startsAt: string; endsAt: string; attendeeIds: string[] };
const checked = <S extends z.ZodType<MeetingTimes>>(schema: S) =>
  schema
    .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: 'the meeting must end after it starts', path: ['endsAt'] })
    .refine((m) => Date.parse(m.endsAt) - Date.parse(m.startsAt) <= 8 * 3_600_000, { message: 'a meeting lasts at most 8 hours', path: ['endsAt'] })
    .refine((m) => new Set(m.attendeeIds).size === m.attendeeIds.length, { message: 'each attendee once', path: ['attendeeIds'] });

export const scheduleMeetingSchema = checked(z.object(meetingFields).strict());

/** A meeting is scheduled for a time still to come; said beside its start, with what to do. */
export function meetingTimeProblems(input: unknown, now: Instant): Problem[] {
  const startsAt = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).startsAt : undefined;
  if (typeof startsAt !== 'string' || Number.isNaN(Date.parse(startsAt))) return [];
  return Date.parse(startsAt) <= Date.parse(now) ? [{ path: 'startsAt', message: 'has already passed: choose a day and time later than now' }] : [];
}

/** Progress as outcomes recorded it before the plan had actions: still read, no longer written. */
export const RECOMMENDATION_PROGRESS = ['not_started', 'in_progress', 'achieved', 'stopped'] as const;
export type RecommendationProgress = { recommendationId: string; status: (typeof RECOMMENDATION_PROGRESS)[number]; note: string };

export const meetingOutcomeSchema = z
  .object({
    summary: plainText(8000),
    ...reviewOfPlanFields,
    replan: plainText(8000, 0).default(''),
    nextReviewDue: z.string().refine(isIsoDate, 'is a date such as 2026-03-09').nullable(),
    /** The evaluation's measures (src/domain/evaluationMeasures.ts), when the team recorded them. */
    measures: reviewMeasuresSchema.optional(),
    /** Where the young person is on the TRM at this meeting: recorded as a placement of the meeting's day. */
    trmPlacement: z
      .object({ level: trmLevelSchema, rationale: plainText(4000) })
      .strict()
      .optional(),
  })
  .strict();
export type MeetingOutcome = z.infer<typeof meetingOutcomeSchema>;

/**
 * An outcome as stored: who recorded it, and for a meeting that reviewed the plan, the plan before
 * and after it. Outcomes recorded before the plan had actions keep their `recommendationProgress`.
 */
export type RecordedOutcome = MeetingOutcome & {
  recordedBy: string;
  recordedAt: Instant;
  plan?: PlanAtReview;
  recommendationProgress?: RecommendationProgress[];
};

/**
 * A meeting held without being scheduled here (or before the product was used), recorded after the
 * event with its real date and its outcome at once. `status: "held"` is what tells it from a meeting
 * being scheduled.
 */
export const heldMeetingSchema = checked(z.object({ ...meetingFields, status: z.literal('held'), outcome: meetingOutcomeSchema }).strict());

/** A meeting recorded after the event happened: not in the future, and not before the child was referred. */
export function assertHeldWhenItCouldBe(startsAt: Instant, now: Instant, referredAt: Instant): void {
  if (startsAt > now) throw ruleViolation('A meeting recorded as held has already happened: its start cannot be in the future.', { field: 'startsAt' });
  if (startsAt < referredAt) {
    throw ruleViolation(`A meeting recorded as held cannot start before the referral on ${referredAt.slice(0, 10)}.`, { field: 'startsAt' });
  }
}

/** What Teams says in a meeting's chat when the online meeting starts or ends: which chat, and when. */
export const meetingChatEventSchema = z
  .object({
    chatId: z.string().min(1).max(400),
    at: instant,
  })
  .strict();

export const meetingResponseSchema = z.object({ response: z.enum(['accepted', 'tentative', 'declined']) }).strict();

export interface MeetingAttendee {
  staffId: string;
  name: string;
  response: AttendeeResponse;
  respondedAt: Instant | null;
}

export interface Meeting {
  id: string;
  caseId: string;
  kind: MeetingKind;
  startsAt: Instant;
  endsAt: Instant;
  location: string | null;
  organiserId: string;
  attendees: MeetingAttendee[];
  status: MeetingStatus;
  /** The Teams join link, when the calendar made an online meeting. */
  joinUrl: string | null;
  /** The calendar's own id for the meeting (Graph event id in Microsoft 365 mode). */
  externalId: string | null;
  /** The Teams meeting chat's thread id ("19:meeting_…@thread.v2"): how the bot knows the meeting's start and end. */
  chatId: string | null;
  /** When Teams said the online meeting started and ended, as the bot heard it in the meeting chat. */
  startedAt: Instant | null;
  endedAt: Instant | null;
  outcome: RecordedOutcome | null;
  version: number;
}

/** Whether the meeting has begun: its scheduled start has passed, or Teams said it started (people often join early). */
export const hasStarted = (m: Pick<Meeting, 'startsAt' | 'startedAt'>, now: Instant): boolean =>
  m.startsAt <= now || (m.startedAt !== null && m.startedAt <= now);

export function assertCanRecordOutcome(m: Pick<Meeting, 'status' | 'startsAt' | 'startedAt'>, now: Instant): void {
  if (m.status === 'cancelled') throw ruleViolation('This meeting was cancelled.');
  if (m.status === 'held') throw ruleViolation('The outcome of this meeting is already recorded.');
  if (!hasStarted(m, now)) throw ruleViolation('A meeting’s outcome is recorded once it has started.');
}

export const meetingDate = (m: Pick<Meeting, 'startsAt'>): IsoDate => m.startsAt.slice(0, 10);
