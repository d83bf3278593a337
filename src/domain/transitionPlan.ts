import { z } from 'zod';
import { addMonths, addYears, type Instant, isIsoDate, type IsoDate } from './dates.js';
import type { ActionOwner } from './planAction.js';
import type { Problem } from './problems.js';
import { AGENCIES, staffIdSchema } from './staff.js';
import { plainText } from './text.js';

/** The adult services that may take over from the YJS when a young person turns 18 (DESIGN.md §1, step 5). */
export const ADULT_SERVICES = ['probation', 'personal_adviser', 'adult_mental_health', 'adult_social_care', 'mentoring', 'other'] as const;
export type AdultService = (typeof ADULT_SERVICES)[number];

/** How far ahead a "by when" may be set: a plan for the months around the 18th birthday, not for years. */
export const TRANSITION_HORIZON_MONTHS = 24;
export const MAX_JOINING = ADULT_SERVICES.length + 4;
export const MAX_RELATIONSHIPS = 20;

/** An adult service joining the team, and by when. `detail` names which one ("the leaving care team"); required for "other". */
export interface JoiningService {
  service: AdultService;
  detail: string | null;
  joinBy: IsoDate;
}

/** A relationship that matters to the young person, who keeps it going (a member of the team or an agency), and until when. */
export interface KeptRelationship {
  relationship: string;
  keptBy: ActionOwner;
  until: IsoDate;
}

export interface TransitionPlan {
  caseId: string;
  joining: JoiningService[];
  relationships: KeptRelationship[];
  writtenBy: string;
  writtenByName: string;
  writtenAt: Instant;
  version: number;
}

const date = z.string().refine(isIsoDate, 'is a date such as 2027-03-09');

const joiningSchema = z
  .object({
    service: z.enum(ADULT_SERVICES, { error: 'choose an adult service from the list' }),
    detail: plainText(200).nullable().optional(),
    joinBy: date,
  })
  .strict()
  .refine((j) => j.service !== 'other' || !!j.detail, { message: 'say which service joins', path: ['detail'] });

const relationshipSchema = z
  .object({
    relationship: plainText(300),
    /** A member of the case team by staff id; or, while nobody is named, the agency that keeps it going. */
    keptById: staffIdSchema.nullable().optional(),
    keptByAgency: z.enum(AGENCIES, { error: 'choose an agency from the list' }).optional(),
    until: date,
  })
  .strict()
  .refine((r) => !!r.keptById !== !!r.keptByAgency, { message: 'name one member of the team or one agency who keeps it going', path: ['keptById'] });

export const transitionPlanSchema = z
  .object({
    joining: z.array(joiningSchema).min(1, 'name at least one adult service that joins').max(MAX_JOINING, `name at most ${MAX_JOINING} services`),
    relationships: z.array(relationshipSchema).max(MAX_RELATIONSHIPS, `name at most ${MAX_RELATIONSHIPS} relationships`),
  })
  .strict();
export type TransitionPlanInput = z.infer<typeof transitionPlanSchema>;

/**
 * What the schema cannot see field by field, checked on the raw input so that every problem is
 * listed at once: the dates fall on or after the day the plan is written and within the horizon (a
 * date already in the stored plan stays valid after it has passed, so a plan can be corrected later
 * without rewriting what already happened), and each adult service joins once (several "other"
 * services are told apart by what they are).
 */
export function transitionPlanProblems(input: unknown, today: IsoDate, kept: TransitionPlan | null): Problem[] {
  const rows = z.object({ joining: z.array(z.unknown()).optional(), relationships: z.array(z.unknown()).optional() }).safeParse(input);
  if (!rows.success) return [];
  const field = (row: unknown, name: string): unknown => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[name] : undefined);
  const latest = addMonths(today, TRANSITION_HORIZON_MONTHS);
  const keptDates = new Set([...(kept?.joining.map((j) => j.joinBy) ?? []), ...(kept?.relationships.map((r) => r.until) ?? [])]);
  const problems: Problem[] = [];
  const checkDate = (value: unknown, path: string) => {
    if (typeof value !== 'string' || !isIsoDate(value)) return;
    if (value < today && !keptDates.has(value)) problems.push({ path, message: `must be on or after ${today}, the day the plan is written` });
    if (value > latest) problems.push({ path, message: `must be within ${TRANSITION_HORIZON_MONTHS} months, by ${latest} at the latest` });
  };
  const seen = new Set<string>();
  (rows.data.joining ?? []).forEach((j, i) => {
    const service = field(j, 'service');
    const detail = field(j, 'detail');
    if (typeof service === 'string') {
      const key = service === 'other' ? `other:${typeof detail === 'string' ? detail.trim().toLowerCase() : ''}` : service;
      if (seen.has(key)) problems.push({ path: `joining.${i}.service`, message: 'is named already: each service joins once' });
      seen.add(key);
    }
    checkDate(field(j, 'joinBy'), `joining.${i}.joinBy`);
  });
  (rows.data.relationships ?? []).forEach((r, i) => checkDate(field(r, 'until'), `relationships.${i}.until`));
  return problems;
}

/**
 * Moving on to adult services concerns a young person from 17 (when the plan starts to be made)
 * until their 18th birthday; afterwards only while a plan exists.
 */
export function transitionDue(dateOfBirth: IsoDate, today: IsoDate): boolean {
  return addYears(dateOfBirth, 17) <= today && today < addYears(dateOfBirth, 18);
}
