import type { AppDeps } from '../app/deps.js';
import { DemoRun } from './demoRun.js';
import { bathClosedOrderEnded, bathFormulationMeetingBooked } from './stories/bathNesMore.js';
import { bathTransitionToProbation } from './stories/bathNes.js';
import { bristolStatutoryCase } from './stories/bristol.js';
import { bristolDeidentifiedConsultation } from './stories/bristolConsultation.js';
import { bristolFormulationInProgress, bristolJustReferred } from './stories/bristolMore.js';
import { northSomersetAwaitingAgreement, northSomersetConsultation, northSomersetReviewDueSoon } from './stories/northSomerset.js';
import { bristolToNorthSomerset } from './stories/transferred.js';
import { southGlosAgreementWithdrawn, southGlosDeclinedAndClosed, southGlosReviewOverdue } from './stories/southGloucestershire.js';
import { southGlosTransitionPlan } from './stories/southGlosTransition.js';

/**
 * FICTIONAL DEMO DATA: a dozen cases at different stages across the four services, made through
 * the use cases by the demo people, on dates that end at today. No case describes a real young person.
 */
export const DEMO_STORIES: ((run: DemoRun) => void)[] = [
  bristolStatutoryCase,
  bristolFormulationInProgress,
  bristolJustReferred,
  bristolDeidentifiedConsultation,
  northSomersetReviewDueSoon,
  northSomersetConsultation,
  northSomersetAwaitingAgreement,
  southGlosReviewOverdue,
  southGlosAgreementWithdrawn,
  southGlosDeclinedAndClosed,
  bathTransitionToProbation,
  bathFormulationMeetingBooked,
  bathClosedOrderEnded,
  southGlosTransitionPlan,
  bristolToNorthSomerset,
];

export async function seedDemoCases(deps: AppDeps): Promise<void> {
  const run = new DemoRun(deps);
  for (const tell of DEMO_STORIES) tell(run);
  await run.play();
}
