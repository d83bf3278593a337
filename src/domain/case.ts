import { z } from 'zod';
import { addMonths, isIsoDate, type Instant, type IsoDate } from './dates.js';
import { plainText } from './text.js';
import { ruleViolation } from './errors.js';
import { dateIn, type Problem } from './problems.js';
import { serviceIdSchema } from './service.js';
import { staffIdSchema } from './staff.js';
import { LEGAL_STATUSES, type LegalStatus } from './legalStatus.js';

/**
 * A child's case, from referral to closure. The child's name and date of birth live here and in
 * the tab only; everything that leaves the system uses `reference`.
 */
export const PATHWAYS = ['statutory_ecm', 'consultation'] as const;
export type Pathway = (typeof PATHWAYS)[number];

export const CASE_STATUSES = ['referred', 'awaiting_agreement', 'active', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSURE_REASONS = ['completed', 'agreement_declined', 'agreement_withdrawn', 'order_ended', 'transferred', 'not_eligible', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The lawful basis for processing is not the child's agreement to take part: both are kept, apart. */
export const LAWFUL_BASES = ['public_task', 'legal_obligation'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

const isoDate = z.string().refine(isIsoDate, 'is a date such as 2026-03-09');

export const referralSchema = z
  .object({
    serviceId: serviceIdSchema,
    childName: plainText(120),
    childDateOfBirth: isoDate,
    /** Statutory ECM needs an order; out-of-court and pre-court work has none and is a consultation. */
    orderStart: isoDate.nullable(),
    orderEnd: isoDate.nullable(),
    /** Omitted: decided by eligibility. Asked for statutory ECM when not eligible: refused. */
    pathway: z.enum(PATHWAYS).optional(),
    referralReason: plainText(2000),
    caseHolderId: staffIdSchema.optional(),
    lawfulBasis: z.enum(LAWFUL_BASES).default('public_task'),
    /** With the child's age, decides who must agree. */
    legalStatus: z.enum(LEGAL_STATUSES).default('living_with_parents'),
    /** Who holds parental responsibility, in the referrer's words ("mother; Bristol City Council"). */
    parentalResponsibility: plainText(200).optional(),
    /** Going ahead although the child may already have an open case here: why (audited). */
    duplicateReason: plainText(500).optional(),
  })
  .strict();
export type Referral = z.infer<typeof referralSchema>;

/** The referral's dates against each other and today, checked alongside every other problem. */
export function referralDateProblems(input: unknown, today: IsoDate): Problem[] {
  const birth = dateIn(input, 'childDateOfBirth');
  const start = dateIn(input, 'orderStart');
  const end = dateIn(input, 'orderEnd');
  const given = (field: string) => typeof input === 'object' && input !== null && (input as Record<string, unknown>)[field] != null;
  const problems: Problem[] = [];
  if (birth !== null && birth > today) problems.push({ path: 'childDateOfBirth', message: 'is in the future: give the date the young person was born' });
  if (given('orderStart') !== given('orderEnd')) {
    problems.push({ path: given('orderStart') ? 'orderEnd' : 'orderStart', message: 'is missing: give both order dates, or neither when there is no order' });
  }
  if (start !== null && end !== null && end <= start) problems.push({ path: 'orderEnd', message: 'must be after the date the order starts' });
  if (start !== null && birth !== null && birth <= today && start < birth)
    problems.push({ path: 'orderStart', message: 'is before the date of birth: check both dates' });
  return problems;
}

/**
 * Children come into and leave care during an order: the legal status and who holds parental
 * responsibility change after referral. Leaving out who holds it, or giving null, clears it.
 */
export const legalStatusChangeSchema = z.object({ legalStatus: z.enum(LEGAL_STATUSES), parentalResponsibility: plainText(200).nullable().optional() }).strict();

export const closureSchema = z.object({ reason: z.enum(CLOSURE_REASONS), note: plainText(1000).optional() }).strict();

export interface Case {
  id: string;
  reference: string;
  serviceId: string;
  /** Null while a consultation is held on de-identified details: it has no name, so none is shown. */
  childName: string | null;
  childDateOfBirth: IsoDate | null;
  pathway: Pathway;
  orderStart: IsoDate | null;
  orderEnd: IsoDate | null;
  status: CaseStatus;
  referralReason: string;
  lawfulBasis: LawfulBasis;
  legalStatus: LegalStatus;
  parentalResponsibility: string | null;
  referredBy: string;
  referredAt: Instant;
  caseHolderId: string;
  closureReason: ClosureReason | null;
  closureNote: string | null;
  closedAt: Instant | null;
  version: number;
}

/** Statutory ECM needs this many months left on the order at referral. */
export const MIN_MONTHS_LEFT_FOR_STATUTORY = 6;

export interface EligibilityDecision {
  pathway: Pathway;
  reason: string;
}

export function decidePathway(r: Pick<Referral, 'orderStart' | 'orderEnd' | 'pathway'>, referralDate: IsoDate): EligibilityDecision {
  const enoughTime = r.orderEnd !== null && r.orderEnd >= addMonths(referralDate, MIN_MONTHS_LEFT_FOR_STATUTORY);
  if (r.pathway === 'consultation') return { pathway: 'consultation', reason: 'A case consultation was asked for.' };
  if (enoughTime) return { pathway: 'statutory_ecm', reason: `The order has at least ${MIN_MONTHS_LEFT_FOR_STATUTORY} months left.` };
  const why =
    r.orderEnd === null ? 'There is no statutory order (out-of-court or pre-court).' : `The order has less than ${MIN_MONTHS_LEFT_FOR_STATUTORY} months left.`;
  if (r.pathway === 'statutory_ecm') {
    throw ruleViolation(
      `Statutory ECM needs at least ${MIN_MONTHS_LEFT_FOR_STATUTORY} months left on the order. ${why} Refer for a case consultation instead.`,
      {
        eligiblePathway: 'consultation',
      },
    );
  }
  return { pathway: 'consultation', reason: why };
}

/** BRI-2026-0042: service, year of referral, a number that runs per service and year. */
export function formatCaseReference(serviceId: string, year: number, sequence: number): string {
  return `${serviceId}-${year}-${String(sequence).padStart(4, '0')}`;
}

export const CASE_REFERENCE = /^[A-Z]{3}-\d{4}-\d{4,}$/;

/** Whether new work may be recorded on the case: it is active (agreed, not closed). */
export const isOpenForWork = (c: Pick<Case, 'status'>): boolean => c.status === 'active';

/** Everything but the referral and agreements waits for agreement; withdrawal stops new work. */
export function assertOpenForWork(c: Pick<Case, 'status'>): void {
  if (c.status === 'closed') throw ruleViolation('This case is closed: nothing new can be recorded on it.');
  if (!isOpenForWork(c)) {
    throw ruleViolation('Nothing beyond the referral is recorded until everyone who must agree for this young person has agreed to take part.', {
      status: c.status,
    });
  }
}

export function assertNotClosed(c: Pick<Case, 'status'>): void {
  if (c.status === 'closed') throw ruleViolation('This case is closed.');
}

/** A case whose child is known by name and date of birth: every case but a de-identified consultation. */
export type IdentifiedCase = Case & { childName: string; childDateOfBirth: IsoDate };

export const isIdentified = (c: Case): c is IdentifiedCase => c.childName !== null && c.childDateOfBirth !== null;

/** The timeline, agreement to take part and the formulation need the child's identity, which comes only with the family's agreement. */
export function assertIdentified(c: Case): asserts c is IdentifiedCase {
  if (!isIdentified(c)) {
    throw ruleViolation(
      "This consultation is held on de-identified details: record the family's agreement to share identifying details, with the young person's name and date of birth, first.",
    );
  }
}

/** The date of birth the agreement rules and dates are checked against; refused for a de-identified consultation. */
export function birthOf(c: Case): IsoDate {
  assertIdentified(c);
  return c.childDateOfBirth;
}
