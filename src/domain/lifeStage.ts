import { addDays, addMonths, addYears, ageInYears, type IsoDate } from './dates.js';

/** Life stages derive from the child's date of birth; anything before birth is pregnancy. */
export const LIFE_STAGES = ['pregnancy', 'infancy', 'early_years', 'primary', 'secondary', 'transition'] as const;
export type LifeStage = (typeof LIFE_STAGES)[number];

export const LIFE_STAGE_LABELS: Record<LifeStage, string> = {
  pregnancy: 'Pregnancy',
  infancy: 'Infancy (0–2)',
  early_years: 'Early years (3–4)',
  primary: 'Primary school years (5–10)',
  secondary: 'Secondary school years (11–15)',
  transition: 'Transition (16+)',
};

/** First birthday of each stage after birth; the stage runs until the next one starts. */
const STAGE_START_AGE: Record<Exclude<LifeStage, 'pregnancy'>, number> = {
  infancy: 0,
  early_years: 3,
  primary: 5,
  secondary: 11,
  transition: 16,
};

/** Transition has no natural end; adult services work with young people up to 25. */
const TRANSITION_END_AGE = 25;

export function lifeStageAt(dateOfBirth: IsoDate, on: IsoDate): LifeStage {
  if (on < dateOfBirth) return 'pregnancy';
  const age = ageInYears(dateOfBirth, on);
  if (age >= 16) return 'transition';
  if (age >= 11) return 'secondary';
  if (age >= 5) return 'primary';
  if (age >= 3) return 'early_years';
  return 'infancy';
}

export interface DateSpan {
  start: IsoDate;
  end: IsoDate;
}

export function lifeStageSpan(dateOfBirth: IsoDate, stage: LifeStage): DateSpan {
  if (stage === 'pregnancy') return { start: addMonths(dateOfBirth, -9), end: addDays(dateOfBirth, -1) };
  const startAge = STAGE_START_AGE[stage];
  const next = LIFE_STAGES[LIFE_STAGES.indexOf(stage) + 1] as Exclude<LifeStage, 'pregnancy'> | undefined;
  const endAge = next ? STAGE_START_AGE[next] : TRANSITION_END_AGE;
  return { start: addYears(dateOfBirth, startAge), end: addDays(addYears(dateOfBirth, endAge), -1) };
}
