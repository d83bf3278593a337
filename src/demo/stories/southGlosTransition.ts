import { writeTransitionPlan } from '../../app/transition/writeTransitionPlan.js';
import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';

/**
 * FICTIONAL DEMO DATA — South Gloucestershire: a young man of seventeen and a half, on a referral
 * order that runs past his eighteenth birthday, with a transition plan: probation and a Personal
 * Adviser join the team, and the relationships that hold him steady are each kept going by someone
 * named. The young person and every event are invented.
 */
export function southGlosTransitionPlan(run: DemoRun): void {
  const c = new CaseStory(run, 'SGL', 'seventeen and a half, moving on to adult services');
  c.refer('2026-06-15 10:00', 'yjs-kate', {
    childName: 'Tyler Brennan-Hart',
    dateOfBirth: '2009-05-10',
    order: ['2026-05-26', '2027-11-25'],
    reason:
      'Seventeen, on an 18-month Youth Rehabilitation Order for robbery. Left home at sixteen after arguments with his stepfather; sofa-surfing before a hostel place. Turns eighteen during the order.',
    legalStatus: 'care_leaver',
    parentalResponsibility: 'His mother',
  })
    .agree(
      '2026-06-22 14:00',
      'yjs-kate',
      'young_person',
      'in_person',
      'Seventeen. Understood what ECM involves and that adult services would join before his birthday. Competent to agree.',
    )
    .agree('2026-06-23 11:00', 'yjs-kate', 'parent_carer', 'phone')
    .invite('2026-06-24 09:00', 'ecm-priya', 'ecm-priya', 'psy-helen', 'mentor-kai')
    .accept('2026-06-25 18:30', 'mentor-kai')
    .addEntries('2026-07-06 10:00', 'yjs-kate', {
      pregnancy: 'pregnancy | pregnancy_birth | health | reported | His mother was nineteen and had a family nurse through the pregnancy.',
      birth: '2009-05-10 | pregnancy_birth | health | confirmed | Born at term; no concerns recorded.',
      stepdad: 'primary | home_family | social_care | reported | His mother’s new partner moved in when he was eight; arguments at home from then on.',
      football:
        'age 13 | strengths_achievements | education | confirmed | Played in the school football team; the PE teacher described him as a natural leader.',
      leftHome:
        '2025-07 | moves_accommodation | youth_justice | confirmed | Left home at sixteen after a fight with his stepfather; sofa-surfed for three months.',
      hostel: '2025-10 | moves_accommodation | social_care | confirmed | Given a place in a young people’s hostel; a key worker sees him weekly.',
      robbery: '2026-03-02 | police_justice | youth_justice | confirmed | Robbery of a phone with two older young men; pleaded guilty.',
      mentor: '2026-06 | positive_relationships | mentoring | confirmed | Chose a boxing-club mentor himself; has not missed a session.',
    })
    .invite('2026-10-05 09:00', 'ecm-priya', 'probation-fay', 'pa-noor')
    .accept('2026-10-06 10:15', 'probation-fay')
    .accept('2026-10-07 16:40', 'pa-noor')
    .addEntries('2026-10-20 11:00', 'probation-fay', {
      probation:
        '2026-10-19 | police_justice | probation | confirmed | Probation practitioner allocated; first joint meeting with his YJS worker held at the hostel.',
    })
    .act('2026-11-12 15:00', 'ecm-priya', 'transition plan', (deps, person, caseId) =>
      writeTransitionPlan(
        deps,
        person,
        caseId,
        {
          joining: [
            { service: 'probation', detail: null, joinBy: run.day('2027-01-15') },
            { service: 'personal_adviser', detail: 'Leaving care team, South Gloucestershire', joinBy: run.day('2026-12-11') },
            { service: 'adult_mental_health', detail: 'Primary care mental health, for his sleep and worry', joinBy: run.day('2027-03-01') },
          ],
          relationships: [
            { relationship: 'Weekly boxing sessions with the mentor he chose', keptById: 'mentor-kai', until: run.day('2027-11-25') },
            { relationship: 'Fortnightly check-ins with Kate, his YJS worker, alongside probation', keptById: 'yjs-kate', until: run.day('2027-05-31') },
            { relationship: 'His hostel key worker', keptByAgency: 'adult_social_care', until: run.day('2027-08-31') },
          ],
        },
        0,
      ),
    );
}
