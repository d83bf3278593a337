/**
 * What the timeline is drawn by, on the server (the timeline picture) and in the tab: the child's
 * life stages, their names and spans, and the date arithmetic the lanes are laid out with. The
 * domain holds them; this is the door the tab uses (pure code, no validation library with it).
 */
export { LIFE_STAGES, LIFE_STAGE_LABELS, lifeStageSpan } from '../domain/lifeStage.js';
export { daysBetween, maxDate, minDate } from '../domain/dates.js';
