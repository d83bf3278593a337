import { z } from 'zod';
import { METHODS, type AgreementMethod } from './agreement.js';
import { ageInYears, isIsoDate, type Instant, type IsoDate } from './dates.js';
import { LEGAL_STATUSES } from './legalStatus.js';
import { dateIn, type Problem } from './problems.js';
import { serviceIdSchema } from './service.js';
import { staffIdSchema } from './staff.js';
import { plainText } from './text.js';

/**
 * A case consultation, for a child on no statutory order: the lighter path. The referrer asks the
 * ECM team a question about a child on an out-of-court disposal or at the pre-court stage; they
 * meet briefly; the team gives advice and the next steps are agreed, with a date to follow up.
 * Until the family agrees to share identifying details it is held on initials, age and service.
 */
export const DISPOSALS = ['community_resolution', 'youth_caution', 'youth_conditional_caution', 'outcome_22', 'pre_court_diversion'] as const;
export type Disposal = (typeof DISPOSALS)[number];

/** ECM works with young people of youth justice age; 18 when the work began at 17. */
export const CONSULTATION_AGES = { min: 10, max: 18 } as const;

const isoDate = z.string().refine(isIsoDate, 'is a date such as 2026-03-09');

/** The family's agreement to share who the young person is: who agreed, when and how. */
const sharingAgreementSchema = z.object({ agreedBy: plainText(200), date: isoDate, method: z.enum(METHODS) }).strict();
export type SharingAgreement = z.infer<typeof sharingAgreementSchema>;

/** Identifying details, given only with the family's agreement (checked by `identityProblems`). */
const identityFields = {
  sharingAgreement: sharingAgreementSchema.optional(),
  childName: plainText(120).optional(),
  childDateOfBirth: isoDate.optional(),
  /** Going ahead although the child may already have an open case or consultation here: why (audited). */
  duplicateReason: plainText(500).optional(),
};

export const consultationRequestSchema = z
  .object({
    serviceId: serviceIdSchema,
    disposal: z.enum(DISPOSALS),
    /** The referrer's question for the ECM team. */
    question: plainText(2000),
    childInitials: z
      .string()
      .max(20)
      .transform((s) => s.replace(/[.\s]/g, '').toUpperCase())
      // Three letters at most: four would let a short first name through as "initials".
      .refine((s) => /^\p{Lu}{1,3}$/u.test(s), 'is the initials only, one to three letters such as JT'),
    childAge: z
      .number()
      .int()
      .min(CONSULTATION_AGES.min, `is at least ${CONSULTATION_AGES.min}`)
      .max(CONSULTATION_AGES.max, `is at most ${CONSULTATION_AGES.max}`),
    legalStatus: z.enum(LEGAL_STATUSES).default('living_with_parents'),
    caseHolderId: staffIdSchema.optional(),
    ...identityFields,
  })
  .strict();
export type ConsultationRequest = z.infer<typeof consultationRequestSchema>;

/** Identifying details for a consultation held until now on initials and age. */
export const identificationSchema = z.object(identityFields).strict();
export type Identification = z.infer<typeof identificationSchema>;

const given = (input: unknown, field: string) => typeof input === 'object' && input !== null && (input as Record<string, unknown>)[field] != null;
const agreementDate = (input: unknown): IsoDate | null =>
  typeof input === 'object' && input !== null ? dateIn((input as Record<string, unknown>).sharingAgreement, 'date') : null;

/**
 * Identifying details come only with the family's agreement; a name comes with a date of birth;
 * the dates stand against each other and today. `required`: identifying a consultation, where the
 * details are the point of the request.
 */
export function identityProblems(input: unknown, today: IsoDate, required = false): Problem[] {
  const problems: Problem[] = [];
  const agreed = given(input, 'sharingAgreement');
  const withoutAgreement =
    "can be recorded only with the family's agreement to share identifying details: leave it out (initials and age are enough for a consultation), or record who agreed";
  for (const field of ['childName', 'childDateOfBirth']) {
    if (given(input, field) && !agreed) problems.push({ path: field, message: withoutAgreement });
    else if (!given(input, field) && (agreed || required))
      problems.push({ path: field, message: "is missing: give the young person's name and date of birth together" });
  }
  if (required && !agreed)
    problems.push({ path: 'sharingAgreement', message: "is missing: record who agreed to share the young person's identifying details, when and how" });
  const birth = dateIn(input, 'childDateOfBirth');
  const agreedOn = agreementDate(input);
  if (birth !== null && birth > today) problems.push({ path: 'childDateOfBirth', message: 'is in the future: give the date the young person was born' });
  if (agreedOn !== null && agreedOn > today) problems.push({ path: 'sharingAgreement.date', message: 'is in the future: give the day they agreed' });
  if (agreedOn !== null && birth !== null && agreedOn < birth)
    problems.push({ path: 'sharingAgreement.date', message: "is before the young person's date of birth: check the date" });
  const age = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).childAge : undefined;
  if (birth !== null && birth <= today && typeof age === 'number' && ageInYears(birth, today) !== age) {
    problems.push({ path: 'childAge', message: `does not match the date of birth, which gives ${ageInYears(birth, today)}: check both` });
  }
  return problems;
}

/** The short consultation meeting with the ECM team, the advice given and the next steps agreed. */
export const consultationMeetingSchema = z
  .object({
    heldOn: isoDate,
    /** The ECM practitioners and psychologists who took part. */
    ecmTeamIds: z
      .array(staffIdSchema)
      .min(1, 'must name at least one of the ECM team who took part')
      .max(8)
      .refine((ids) => new Set(ids).size === ids.length, 'names each person once'),
    advice: plainText(4000),
    nextSteps: plainText(4000),
    followUpOn: isoDate.nullable(),
  })
  .strict();
export type ConsultationMeetingInput = z.infer<typeof consultationMeetingSchema>;

export function consultationMeetingProblems(input: unknown, today: IsoDate): Problem[] {
  const held = dateIn(input, 'heldOn');
  const followUp = dateIn(input, 'followUpOn');
  const problems: Problem[] = [];
  if (held !== null && held > today) problems.push({ path: 'heldOn', message: 'is in the future: record the meeting once it has been held' });
  if (held !== null && followUp !== null && followUp <= held) problems.push({ path: 'followUpOn', message: 'must be after the day the meeting was held' });
  return problems;
}

/** The child has gone on to a statutory order: the order's dates, for the consultation to become a full ECM case. */
export const statutoryOrderSchema = z.object({ orderStart: isoDate, orderEnd: isoDate }).strict();

export function statutoryOrderProblems(input: unknown): Problem[] {
  const start = dateIn(input, 'orderStart');
  const end = dateIn(input, 'orderEnd');
  return start !== null && end !== null && end <= start ? [{ path: 'orderEnd', message: 'must be after the date the order starts' }] : [];
}

export interface Consultation {
  caseId: string;
  disposal: Disposal;
  childInitials: string;
  /** The age given when the consultation was asked for. */
  childAge: number;
  sharingAgreement: { agreedBy: string; date: IsoDate; method: AgreementMethod } | null;
  identifiedAt: Instant | null;
  /** When the child went on to a statutory order and the consultation became a full ECM case. */
  becameCaseAt: Instant | null;
}

export interface ConsultationMeeting {
  id: string;
  caseId: string;
  heldOn: IsoDate;
  ecmTeam: { staffId: string; name: string }[];
  advice: string;
  nextSteps: string;
  followUpOn: IsoDate | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Instant;
}

/** The follow-up still to come: that of the latest meeting. */
export const followUpOf = (meetings: readonly ConsultationMeeting[]): IsoDate | null =>
  [...meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.recordedAt.localeCompare(b.recordedAt)).at(-1)?.followUpOn ?? null;
