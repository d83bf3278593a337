/** What the evaluation view reads, and the measures' words: shared by the server, the tab and the tests. */
export type { EvaluationFigures, QuarterMeasures, TimeInEcmBand } from '../domain/evaluation.js';
export { TIME_IN_ECM_BANDS } from '../domain/evaluation.js';
export { chooseFrom, ENGAGEMENT, FURTHER_OFFENDING, MEASURES, type MeasureName, type ReviewMeasures } from '../domain/evaluationMeasures.js';
