import { recordConsultationMeeting } from '../../app/consultation/recordConsultationMeeting.js';
import { requestConsultation } from '../../app/consultation/requestConsultation.js';
import { principalOf } from '../../domain/staff.js';
import type { DemoRun } from '../demoRun.js';
import { DEMO_STAFF } from '../people.js';

const as = (id: string) => {
  const s = DEMO_STAFF.find((x) => x.id === id);
  if (!s) throw new Error(`No demo person has the id ${id}`);
  return principalOf(s);
};

/**
 * FICTIONAL DEMO DATA — a Bristol case consultation for a youth caution, held on de-identified
 * details because the family has not agreed to share who the young person is: initials, age and
 * the service only. The ECM team met the YJS worker once, advised, and set a follow-up date.
 */
export function bristolDeidentifiedConsultation(run: DemoRun): void {
  let caseId = '';
  run.on(run.instant('2026-11-02 09:30'), 'BRI de-identified consultation: asked for', async () => {
    const view = await requestConsultation(run.deps, as('yjs-amy'), {
      serviceId: 'BRI',
      disposal: 'youth_caution',
      question:
        'Fictional demo case. Fourteen-year-old given a youth caution for shoplifting with older boys. Goes quiet and leaves when adults raise their voices. How can the caution programme keep him engaged, and is exploitation a worry?',
      childInitials: 'RM',
      childAge: 14,
    });
    caseId = view.id;
  });
  run.on(run.instant('2026-11-12 14:00'), 'BRI de-identified consultation: meeting with the ECM team', async () => {
    await recordConsultationMeeting(run.deps, as('ecm-priya'), caseId, {
      heldOn: run.day('2026-11-12'),
      ecmTeamIds: ['ecm-priya', 'psy-tom'],
      advice:
        'Leaving when voices rise looks like a learned way of staying safe, not defiance. Keep sessions calm, short and with the same worker; agree a signal he can use to take a break. The older peers and the shoplifting fit an early pattern of exploitation: screen for it.',
      nextSteps:
        'YJS worker to hold sessions at the same time and place with one worker, and to complete an exploitation screening. ECM team to follow up in five weeks; if the family agree, identify the consultation so a fuller picture can be built.',
      followUpOn: run.day('2026-12-17'),
    });
  });
}
