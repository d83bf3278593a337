import { z } from 'zod';
import { ACCOMMODATION, chooseFrom, CUSTODY_OR_REMAND, EDUCATION_TRAINING_EMPLOYMENT, ENGAGEMENT, FURTHER_OFFENDING } from './evaluationAnswers.js';

export { MEASURES, type MeasureName } from './evaluationAnswers.js';

/** The measures' schema: each answer from its list, or refused with the list in the form's words. */
type Codes<T> = [keyof T & string, ...(keyof T & string)[]];
const codesOf = <T extends Record<string, string>>(answers: T) => Object.keys(answers) as Codes<T>;

const answer = <T extends Record<string, string>>(answers: T) => z.enum(codesOf(answers), { error: () => chooseFrom(answers) });

export const reviewMeasuresSchema = z
  .object({
    engagement: answer(ENGAGEMENT),
    educationTrainingEmployment: answer(EDUCATION_TRAINING_EMPLOYMENT),
    accommodation: answer(ACCOMMODATION),
    furtherOffending: answer(FURTHER_OFFENDING),
    custodyOrRemand: answer(CUSTODY_OR_REMAND),
  })
  .strict();
export type ReviewMeasures = z.infer<typeof reviewMeasuresSchema>;
