import { z } from 'zod';
import { plainText } from './text.js';
import { agreementRuleOverridesSchema, type AgreementRule } from './agreementRules.js';

/**
 * A Youth Justice Service and the settings that are its own: TRM labels, timeline categories,
 * review cadence and retention. Defaults follow DESIGN.md §1.
 */
export const serviceIdSchema = z.string().regex(/^[A-Z]{3}$/, 'is a three-letter service code such as BRI');

export interface TrmLevelLabel {
  level: number;
  name: string;
  need: string;
}

export const DEFAULT_TRM_LABELS: TrmLevelLabel[] = [
  { level: 1, name: 'Routine and safe base', need: 'stable home, basic needs, predictable contact' },
  { level: 2, name: 'Trust and relationships', need: 'a trusted relationship with a key worker' },
  { level: 3, name: 'Working through trauma', need: 'containment and co-regulation' },
  { level: 4, name: 'Insight and regulation', need: 'understanding and managing feelings' },
  { level: 5, name: 'Self-belief', need: 'purpose with adult guidance' },
  { level: 6, name: 'Autonomy', need: 'independence with a safety net' },
];

export type CategoryTone = 'adverse' | 'positive' | 'context';

export interface TimelineCategory {
  key: string;
  label: string;
  /** Positive events matter as much as adverse ones; the tone lets the tab and documents show both. */
  tone: CategoryTone;
}

export const DEFAULT_CATEGORIES: TimelineCategory[] = [
  { key: 'pregnancy_birth', label: 'Pregnancy and birth', tone: 'context' },
  { key: 'home_family', label: 'Home and family', tone: 'context' },
  { key: 'care_placements', label: 'Care and placements', tone: 'context' },
  { key: 'moves_accommodation', label: 'Moves and accommodation', tone: 'context' },
  { key: 'loss_bereavement', label: 'Loss and bereavement', tone: 'adverse' },
  { key: 'abuse_neglect', label: 'Abuse and neglect', tone: 'adverse' },
  { key: 'domestic_abuse', label: 'Domestic abuse', tone: 'adverse' },
  { key: 'parental_adversity', label: 'Parental mental health, substance use or prison', tone: 'adverse' },
  { key: 'health_development', label: 'Health and development', tone: 'context' },
  { key: 'education', label: 'Education', tone: 'context' },
  { key: 'police_justice', label: 'Police and justice', tone: 'adverse' },
  { key: 'exploitation_missing', label: 'Exploitation and missing episodes', tone: 'adverse' },
  { key: 'positive_relationships', label: 'Positive relationships', tone: 'positive' },
  { key: 'strengths_achievements', label: 'Strengths and achievements', tone: 'positive' },
];

export interface ReviewCadence {
  /** A review may be held from this many weeks after the last formulation or review… */
  earliestWeeks: number;
  /** …is due by this many weeks… */
  dueWeeks: number;
  /** …and is overdue after this many. */
  overdueWeeks: number;
}

export const DEFAULT_REVIEW_CADENCE: ReviewCadence = { earliestWeeks: 8, dueWeeks: 12, overdueWeeks: 13 };

/** Retention in whole years after a case closes, by pathway (set by each service). */
export interface RetentionPolicy {
  statutoryYears: number;
  consultationYears: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { statutoryYears: 7, consultationYears: 2 };

export interface ServiceSettings {
  trmLabels: TrmLevelLabel[];
  categories: TimelineCategory[];
  reviewCadence: ReviewCadence;
  retention: RetentionPolicy;
  /** The service's own rows of the agreement table; absent or empty: the defaults throughout. */
  agreementRules?: AgreementRule[];
}

export interface Service {
  id: string;
  name: string;
  settings: ServiceSettings;
}

export const defaultSettings = (): ServiceSettings => ({
  trmLabels: DEFAULT_TRM_LABELS.map((l) => ({ ...l })),
  categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
  reviewCadence: { ...DEFAULT_REVIEW_CADENCE },
  retention: { ...DEFAULT_RETENTION },
});

const weeks = z.number().int().min(1).max(52);

export const serviceSettingsSchema = z
  .object({
    trmLabels: z
      .array(z.object({ level: z.number().int().min(1).max(6), name: plainText(60), need: plainText(200) }).strict())
      .length(6)
      .refine((ls) => ls.every((l, i) => l.level === i + 1), 'must list levels 1 to 6 in order'),
    categories: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z][a-z_]{1,39}$/, 'is a lower-case key such as home_family'),
            label: plainText(80),
            tone: z.enum(['adverse', 'positive', 'context']),
          })
          .strict(),
      )
      .min(1)
      .max(40)
      .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'category keys must be unique'),
    reviewCadence: z
      .object({ earliestWeeks: weeks, dueWeeks: weeks, overdueWeeks: weeks })
      .strict()
      .refine((c) => c.earliestWeeks <= c.dueWeeks && c.dueWeeks < c.overdueWeeks, 'needs earliest ≤ due < overdue'),
    retention: z.object({ statutoryYears: z.number().int().min(1).max(100), consultationYears: z.number().int().min(1).max(100) }).strict(),
    agreementRules: agreementRuleOverridesSchema.optional(),
  })
  .strict();

/** "Trust and relationships", or for a half step "Trust and relationships → Working through trauma". */
export function trmLabel(settings: ServiceSettings, level: number): string {
  const name = (n: number) => settings.trmLabels.find((l) => l.level === n)?.name ?? `Level ${n}`;
  return Number.isInteger(level) ? name(level) : `${name(Math.floor(level))} → ${name(Math.ceil(level))}`;
}
