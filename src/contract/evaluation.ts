/**
 * The evaluation view's figures and the measures' words, for the tab: types, and words without any
 * validation library (the schema stays in src/domain/evaluationMeasures.ts).
 */
export type { EvaluationFigures, QuarterMeasures, TimeInEcmBand } from '../domain/evaluation.js';
export type { ReviewMeasures } from '../domain/evaluationMeasures.js';
export { chooseFrom, ENGAGEMENT, FURTHER_OFFENDING, MEASURES, type MeasureName } from '../domain/evaluationAnswers.js';
