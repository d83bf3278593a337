import { writeTransitionPlan } from '../../app/transition/writeTransitionPlan.js';
import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { type DemoFormulation, rec } from '../storyParts.js';

/** FICTIONAL DEMO DATA — the formulation the adult-services handover summary is drafted from. */
const TYLER: DemoFormulation = {
  summary:
    'A seventeen-and-a-half-year-old who left home at sixteen after years of conflict with his stepfather, sofa-surfed, and now lives in a hostel. He offended alongside older young men while he had nowhere settled. He turns eighteen during his order.',
  hypotheses: [
    {
      id: 'h1',
      domain: 'relationships',
      text: 'Years of arguments at home may have taught him that adults who hold power over him are not on his side; he trusts adults he has chosen himself.',
      evidence: ['stepdad', 'leftHome', 'mentor'],
    },
    {
      id: 'h2',
      domain: 'coping',
      text: 'Without a home, older young men offered company and a place to be; the robbery came from needing to belong more than from wanting the phone.',
      evidence: ['leftHome', 'robbery'],
    },
    {
      id: 'h3',
      domain: 'triggers',
      text: 'Being told what to do by a man he has not chosen, and nights with nowhere to go, are when he is most likely to walk out or be drawn in.',
      evidence: ['stepdad', 'leftHome'],
    },
  ],
  fivePs: {
    presenting: 'Robbery with older young men; walking out of hostel key-work sessions.',
    predisposing: 'Years of conflict with his stepfather; leaving home at sixteen.',
    precipitating: 'Sofa-surfing after he left home; losing his place in the football team.',
    perpetuating: 'Changes of worker he did not choose, and plans made about him without him.',
    protective: 'The mentor he chose; his football; his hostel key worker.',
  },
  strengths:
    'Leads and encourages others when he has a role, as in the school football team; keeps every session with the mentor he chose; wants his own flat.',
  needs: 'A steady handover to adult services with the relationships that hold him kept going; a settled home; somewhere to take worry at night.',
  recommendations: [
    rec('r1', 1, 1, 'Secure a move-on flat with his Personal Adviser before his eighteenth birthday.'),
    rec('r2', 2, 2, 'Keep his boxing mentor through the handover, whatever else changes.', true),
    rec('r3', 3, 2, 'Joint sessions with his YJS worker and probation practitioner so he hears one plan.', true),
    rec('r4', 4, 4, 'Work on the company he keeps, built around what he wants for himself.'),
  ],
  youthFriendly: {
    summary: 'Home was hard for a long time, and leaving at sixteen meant a lot of nights with nowhere settled.',
    hypotheses: 'It makes sense to trust the people you pick yourself. When you had nowhere to be, the older lads gave you somewhere.',
    strengths: 'You lead well when you have a role, you keep your word to your mentor, and you know you want your own place.',
    needs: 'A steady move to the adult workers, keeping the people who matter to you.',
    recommendations: 'A flat before you turn 18. Keep your boxing mentor. Kate and your new worker see you together so you hear one plan.',
  },
};

/**
 * FICTIONAL DEMO DATA — South Gloucestershire: a young man of seventeen and a half, on a referral
 * order that runs past his eighteenth birthday, with a transition plan: probation and a Personal
 * Adviser join the team, and the relationships that hold him steady are each kept going by someone
 * named. His formulation is approved and the handover summary for adult services is filed. The
 * young person and every event are invented.
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
    )
    .draft('2026-11-16 10:00', 'psy-helen', TYLER)
    .approve('2026-11-20 09:30', 'psy-helen')
    .summary('2026-11-24 14:00', 'ecm-priya', 'adult_handover', 'psy-helen');
}
