import { z } from 'zod';
import { addDays, addYears, ageInYears, isIsoDate, lastDayOfMonth, midpoint, type Instant, type IsoDate } from './dates.js';
import { LIFE_STAGES, lifeStageAt, lifeStageSpan, type DateSpan, type LifeStage } from './lifeStage.js';
import { AGENCIES, type Agency } from './staff.js';
import { plainText } from './text.js';
import { ruleViolation } from './errors.js';
import type { ServiceSettings } from './service.js';

/**
 * When something happened, as precisely as anyone knows it: memories are vague, so an entry may
 * know only the child's age or life stage.
 */
export const entryWhenSchema = z.discriminatedUnion('precision', [
  z.object({ precision: z.literal('day'), date: z.string().refine(isIsoDate, 'is a date such as 2014-03-09') }).strict(),
  z.object({ precision: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'is a month such as 2014-03') }).strict(),
  z.object({ precision: z.literal('year'), year: z.number().int().min(1900).max(2200) }).strict(),
  z.object({ precision: z.literal('age'), age: z.number().int().min(0).max(25) }).strict(),
  z.object({ precision: z.literal('lifeStage'), lifeStage: z.enum(LIFE_STAGES) }).strict(),
]);
export type EntryWhen = z.infer<typeof entryWhenSchema>;
export type DatePrecision = EntryWhen['precision'];

export const CONFIDENCE = ['confirmed', 'reported', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

/** What a contributor sends to add an entry. Opinion belongs to the formulation, not here. */
export const timelineEntryInputSchema = z
  .object({
    when: entryWhenSchema,
    category: z.string().min(1, 'is not chosen: choose a category').max(40),
    sourceAgency: z.enum(AGENCIES),
    confidence: z.enum(CONFIDENCE),
    description: plainText(2000),
  })
  .strict();
export type TimelineEntryInput = z.infer<typeof timelineEntryInputSchema>;

export const retractionSchema = z.object({ reason: plainText(500) }).strict();

export interface Retraction {
  at: Instant;
  by: string;
  reason: string;
}

/**
 * An entry whose text only the ECM team, the psychologist and the contributing agency may read
 * (docs/timeline.md, "Restricted entries"; the rule is in restriction.ts).
 */
export interface Restriction {
  at: Instant;
  by: string;
  byName: string;
  reason: string;
}

export interface TimelineEntry extends TimelineEntryInput {
  id: string;
  caseId: string;
  /** The stretch of the child's life the entry covers, derived from `when` and the date of birth. */
  span: DateSpan;
  lifeStage: LifeStage;
  contributorId: string;
  contributorName: string;
  createdAt: Instant;
  updatedAt: Instant;
  /** Incremented on every change; clients send it back as If-Match. */
  version: number;
  retraction: Retraction | null;
  /** Set while the entry's text is kept to the ECM team, the psychologist and its agency. */
  restriction: Restriction | null;
  /**
   * Present (true) only on the shape given to someone who may not read a restricted entry's text:
   * the entry exists, with its agency and life stage, and nothing more (see restriction.ts).
   */
  withheld?: true;
}

/** One earlier state of an entry: edits never overwrite silently. */
export interface TimelineEntryRevision {
  entryId: string;
  caseId: string;
  version: number;
  content: TimelineEntryInput;
  retraction: Retraction | null;
  /** The restriction in force at this version (null when the text was open to the team). */
  restriction: Restriction | null;
  changedBy: string;
  changedByName: string;
  changedAt: Instant;
}

export function spanOf(when: EntryWhen, dateOfBirth: IsoDate): DateSpan {
  switch (when.precision) {
    case 'day':
      return { start: when.date, end: when.date };
    case 'month':
      return { start: `${when.month}-01`, end: lastDayOfMonth(when.month) };
    case 'year':
      return { start: `${when.year}-01-01`, end: `${when.year}-12-31` };
    case 'age': {
      const start = addYears(dateOfBirth, when.age);
      return { start, end: addDays(addYears(dateOfBirth, when.age + 1), -1) };
    }
    case 'lifeStage':
      return lifeStageSpan(dateOfBirth, when.lifeStage);
  }
}

/** The stage an entry belongs to: exact for ages and stages, the middle of its span otherwise. */
export function lifeStageOf(when: EntryWhen, dateOfBirth: IsoDate): LifeStage {
  if (when.precision === 'lifeStage') return when.lifeStage;
  const span = spanOf(when, dateOfBirth);
  return lifeStageAt(dateOfBirth, when.precision === 'age' ? span.start : midpoint(span.start, span.end));
}

/**
 * The rules an entry must meet beyond its shape: a category the service knows, and a time that is
 * neither in the future nor impossibly far before the child's birth.
 */
export function checkEntry(input: TimelineEntryInput, dateOfBirth: IsoDate, today: IsoDate, settings: ServiceSettings): DateSpan {
  if (!settings.categories.some((c) => c.key === input.category)) {
    throw ruleViolation(`"${input.category}" is not one of this service's timeline categories.`, {
      allowed: settings.categories.map((c) => c.key),
    });
  }
  if (input.when.precision === 'age' && input.when.age > ageInYears(dateOfBirth, today)) {
    throw ruleViolation('The child has not reached that age yet.');
  }
  const span = spanOf(input.when, dateOfBirth);
  if (span.start > today) throw ruleViolation('The timeline records what has happened: this date is in the future.');
  // Family history before the pregnancy can matter, but not by generations.
  if (span.end < addYears(dateOfBirth, -20)) throw ruleViolation('That date is more than twenty years before the child was born.');
  return span;
}

/** Life order: earliest first; for the same start, the more precise (shorter) span first. */
export function compareLifeOrder(a: Pick<TimelineEntry, 'span' | 'createdAt' | 'id'>, b: Pick<TimelineEntry, 'span' | 'createdAt' | 'id'>): number {
  return a.span.start.localeCompare(b.span.start) || a.span.end.localeCompare(b.span.end) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export type { Agency };
