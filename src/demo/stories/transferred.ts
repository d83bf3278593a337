import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';

/**
 * FICTIONAL DEMO DATA — a case referred in Bristol whose family moved to North Somerset: the ECM
 * team transferred it, so it now carries a North Somerset reference and Bristol's practitioner has
 * left its team. All invented.
 */
export function bristolToNorthSomerset(run: DemoRun): void {
  const c = new CaseStory(run, 'BRI', 'moved to North Somerset');
  c.refer('2026-06-01 10:00', 'yjs-amy', {
    childName: 'Jordan Hayes',
    dateOfBirth: '2010-09-14',
    order: ['2026-05-18', '2027-05-17'],
    reason: 'Fifteen-year-old on a 12-month Youth Rehabilitation Order for robbery. Several school moves; a trusted youth worker at the boxing club.',
  })
    .agree('2026-06-05 14:00', 'yjs-amy', 'young_person', 'in_person', 'Fifteen. Understood what ECM is and who would see the information. Competent to agree.')
    .agree('2026-06-05 14:15', 'yjs-amy', 'parent_carer', 'in_person')
    .addEntries('2026-06-12 11:00', 'yjs-amy', {
      born: 'pregnancy | pregnancy_birth | young_person_or_family | reported | Born six weeks early; his mother was on her own through the pregnancy.',
      speech: 'age 6 | health_development | health | confirmed | Referred to speech and language therapy for a language delay.',
      boxing: '2025 | positive_relationships | youth_club | confirmed | Started at the boxing club; the coach is the adult he trusts most.',
      schools: '2024-09 | education | education | confirmed | Third school move in two years after a permanent exclusion.',
      order: '2026-05-18 | police_justice | youth_justice | confirmed | Youth court made a 12-month Youth Rehabilitation Order.',
    })
    .transfer('2026-09-07 09:30', 'ecm-sam', 'NSO', 'yjs-dan', 'The family moved to Weston-super-Mare over the summer.');
}
