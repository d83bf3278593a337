import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { type DemoFormulation, rec } from '../storyParts.js';

/**
 * FICTIONAL DEMO DATA — Bath and North East Somerset: a care-experienced 17-year-old approaching
 * eighteen, with probation joining the team for the transition and the formulation being revised
 * for adult services. The young person and every event are invented.
 */
const TRANSITION_HYPOTHESIS = {
  id: 'h3',
  domain: 'other' as const,
  text: 'Turning eighteen means another set of endings (social worker, YJS worker, placement rules); anxiety about this may show as withdrawal or risk-taking.',
  evidence: ['supported', 'order'],
};

const V1: DemoFormulation = {
  summary:
    'A 17-year-old, care experienced since infancy, born with neonatal withdrawal. Five settled years with long-term foster carers ended when they retired; a children’s home, his birth mother’s death and missing episodes with older males followed. He now lives in supported accommodation and will turn eighteen during his order.',
  hypotheses: [
    {
      id: 'h1',
      domain: 'relationships',
      text: 'Losing his long-term foster family at eleven, and later his birth mother, may have confirmed that the people he loves leave; he keeps relationships with professionals practical and short.',
      evidence: ['fosterEnded', 'mumDied', 'fosterFamily'],
    },
    {
      id: 'h2',
      domain: 'coping',
      text: 'Older males offered belonging and protection when he was most alone in a children’s home; fighting may be how he proves he can look after himself.',
      evidence: ['missing', 'wounding', 'fosterEnded'],
    },
    TRANSITION_HYPOTHESIS,
  ],
  fivePs: {
    presenting: 'Wounding; past missing episodes and exploitation; anxiety about turning eighteen.',
    predisposing: 'Prenatal drug exposure; early neglect; entering care; placement endings.',
    precipitating: 'The end of his long-term foster placement; his birth mother’s death.',
    perpetuating: 'Many changes of worker; the approaching transition to adult services.',
    protective: 'Contact with his former foster father; maths; his mentor; a Personal Adviser.',
  },
  strengths:
    'Good with numbers and practical problems; keeps in touch with his former foster father; reliable once he knows what is expected; wants his own flat and a job.',
  needs: 'A planned, gradual handover to adult services; practical independence skills; somewhere to take worries when workers change.',
  recommendations: [
    rec('r1', 1, 1, 'A written transition plan from YJS to probation with dates, shared with him three months before his eighteenth birthday.'),
    rec('r2', 2, 2, 'Keep his mentor through the transition, whatever else changes.', true),
    rec('r3', 3, 2, 'Joint meetings with his YJS worker and Personal Adviser so he hears one plan.', true),
    rec('r4', 4, 4, 'Work on anger and consequences built around what he wants for his future.'),
    rec('r5', 5, 5, 'Support into a bike mechanics apprenticeship.'),
  ],
  youthFriendly: {
    summary: 'You have had a lot of people come and go. Your years with your foster family were good ones, and losing that, and then your mum, was a lot.',
    hypotheses:
      'When people keep leaving, it makes sense to be careful who you trust. Turning eighteen brings more changes, so it is normal to feel worried about it.',
    strengths: 'Numbers, fixing things, keeping your word, and knowing what you want.',
    needs: 'A clear plan for turning eighteen, and someone steady through it.',
    recommendations:
      'A written plan for when you turn 18 and new workers help you. Keep your mentor. One plan from Lee and the person who helps you plan for being an adult. Help into an apprenticeship.',
  },
};

export function bathTransitionToProbation(run: DemoRun): void {
  const team = ['ecm-sam', 'psy-tom', 'yjs-lee', 'mentor-kai', 'police-jo'];
  const c = new CaseStory(run, 'BNE', 'transition with probation joining');
  c.refer('2026-01-19 10:00', 'yjs-lee', {
    childName: 'Marcus Ilford',
    dateOfBirth: '2009-01-20',
    order: ['2025-12-08', '2027-12-07'],
    reason:
      'Sixteen-year-old, seventeen this week, on a 24-month Youth Rehabilitation Order for wounding. Care experienced; lives in supported accommodation. Will turn eighteen during the order, so the move to probation needs planning from the start.',
  })
    .agree(
      '2026-01-26 14:00',
      'yjs-lee',
      'young_person',
      'in_person',
      'Seventeen. Understood ECM and the transition to adult services; asked that his former foster father be told. Competent to agree.',
    )
    .agree('2026-01-26 16:30', 'yjs-lee', 'parent_carer', 'phone')
    .invite('2026-01-27 09:00', 'ecm-sam', 'ecm-sam', 'psy-tom', 'mentor-kai', 'police-jo')
    .accept('2026-01-28 10:00', 'police-jo')
    .accept('2026-01-29 19:15', 'mentor-kai')
    .addEntries('2026-02-09 11:00', 'yjs-lee', {
      heroin: 'pregnancy | parental_adversity | social_care | reported | His birth mother was using heroin during the pregnancy and had little antenatal care.',
      withdrawal: '2009-01-20 | pregnancy_birth | health | confirmed | Born at 36 weeks; treated for neonatal withdrawal for two weeks.',
      accommodated: '2009-05 | care_placements | social_care | confirmed | Accommodated with foster carers at four months after neglect; returned home at one.',
      cpPlan: 'early_years | abuse_neglect | social_care | confirmed | Child Protection plan for neglect from three to five.',
      careOrder: '2015-03 | care_placements | social_care | confirmed | Became looked after at six under a care order; placed with long-term foster carers.',
      fosterFamily:
        'primary | positive_relationships | social_care | confirmed | Settled with his long-term foster carers for five years; still in touch with his former foster father.',
      maths: '2017 | strengths_achievements | education | confirmed | Won his primary school’s maths problem-solving competition.',
      fosterEnded: '2020-08 | care_placements | social_care | confirmed | His long-term placement ended when the carers retired; moved to a children’s home.',
      mumDied: '2021-06 | loss_bereavement | social_care | confirmed | His birth mother died; his social worker told him two weeks later.',
      supported: '2025-02 | moves_accommodation | social_care | confirmed | Moved to 16-plus supported accommodation.',
      order: '2025-12-08 | police_justice | youth_justice | confirmed | Youth court made a 24-month Youth Rehabilitation Order with supervision.',
    })
    .addEntries('2026-02-10 09:30', 'police-jo', {
      damage: '2022 | police_justice | police | confirmed | Two arrests for criminal damage at the children’s home; no further action.',
      missing: '2023-02 | exploitation_missing | police | reported | Repeated missing episodes; police linked him to older males involved in drug supply.',
      wounding: '2025-06-14 | police_justice | police | confirmed | Arrested for wounding after a fight outside a takeaway.',
    });

  c.meeting('formulation', {
    kind: 'formulation',
    by: 'ecm-sam',
    scheduledOn: '2026-02-03 10:00',
    at: '2026-03-03 10:00',
    minutes: 120,
    location: 'Bath YJS office and Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'accepted', 'police-jo': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      measures: {
        engagement: 'partly_engaged',
        educationTrainingEmployment: 'none',
        accommodation: 'at_risk',
        furtherOffending: 'not_known',
        custodyOrRemand: 'none',
      },
      summary:
        'Timeline built with YJS, police and his mentor; his former foster father sent a message that was read out with his permission. The move to adult services is the thread running through the plan.',
      replan: 'Psychologist to write the formulation. ECM practitioner to ask the leaving care team for a Personal Adviser to join.',
      nextReviewWeeks: 12,
    },
    trm: { by: 'psy-tom', level: 2, rationale: 'Housing is stable; he keeps adults at arm’s length and needs a steady relationship before anything else.' },
  })
    .draft('2026-03-09 10:00', 'psy-tom', V1)
    .approve('2026-03-20 12:00', 'psy-tom')
    .addEntries('2026-03-30 18:00', 'mentor-kai', {
      bike: '2026-03 | strengths_achievements | mentoring | confirmed | Started a bike maintenance course with his mentor.',
    })
    .edit(
      '2026-04-27 18:20',
      'mentor-kai',
      'bike',
      '2026-03 | strengths_achievements | mentoring | confirmed | Started a bike maintenance course with his mentor and rebuilt a bike he now rides to appointments.',
    );

  c.meeting('review1', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-04-28 10:00',
    at: '2026-05-26 10:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      measures: {
        engagement: 'engaged',
        educationTrainingEmployment: 'part_time',
        accommodation: 'at_risk',
        furtherOffending: 'none',
        custodyOrRemand: 'none',
      },
      summary: 'Engaging well with his mentor and YJS worker; no police contact since the order. A Personal Adviser has been allocated.',
      progress: {
        r1: ['not_started', 'Due three months before his birthday.'],
        r2: ['achieved', 'Weekly; the bike course is a shared project.'],
        r3: ['in_progress', 'First joint meeting held.'],
        r4: ['not_started', ''],
        r5: ['not_started', ''],
      },
      nextReviewWeeks: 11,
    },
    trm: { by: 'psy-tom', level: 3, rationale: 'Trusts his mentor and YJS worker; beginning to talk about his birth mother.' },
  })
    .addEntries('2026-05-27 10:00', 'ecm-sam', {
      pa: '2026-05 | positive_relationships | personal_adviser | confirmed | A Personal Adviser from the leaving care team was allocated; weekly contact agreed.',
    })
    .addEntries('2026-09-01 15:00', 'yjs-lee', {
      functionalSkills: '2026-08 | strengths_achievements | education | confirmed | Passed functional skills maths at Level 2.',
    });

  c.meeting('review2', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-07-07 10:00',
    at: '2026-08-11 14:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'tentative' },
    outcome: {
      by: 'ecm-sam',
      measures: { engagement: 'engaged', educationTrainingEmployment: 'part_time', accommodation: 'stable', furtherOffending: 'none', custodyOrRemand: 'none' },
      summary:
        'A good summer. He talks about his future and about his birth mother. Anxiety about turning eighteen is growing; he asked who his probation officer will be.',
      progress: {
        r2: ['achieved', 'Mentor staying through the transition.'],
        r3: ['achieved', 'Joint meetings monthly.'],
        r4: ['in_progress', 'Started in July.'],
        r5: ['in_progress', 'Apprenticeship taster booked.'],
      },
      replan: 'Invite probation to join the team and the next review, ahead of his eighteenth birthday in January.',
      nextReviewWeeks: 10,
    },
    trm: { by: 'psy-tom', level: 3.5, rationale: 'Beginning to link his feelings about endings with how he reacts.' },
  })
    .invite('2026-10-12 09:00', 'ecm-sam', 'probation-fay')
    .accept('2026-10-14 11:20', 'probation-fay');

  c.meeting('review3', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-10-15 09:00',
    at: '2026-10-28 10:00',
    location: 'Bath YJS office and Microsoft Teams',
    attendees: [...team, 'probation-fay'],
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'accepted', 'probation-fay': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      measures: { engagement: 'engaged', educationTrainingEmployment: 'part_time', accommodation: 'stable', furtherOffending: 'none', custodyOrRemand: 'none' },
      summary:
        'Transition review with probation. He met his probation practitioner with his YJS worker and asked good questions. He has moved into his own supported flat.',
      progress: {
        r1: ['in_progress', 'Transition plan drafted with probation; to be shared with him in November.'],
        r3: ['achieved', ''],
        r4: ['in_progress', ''],
        r5: ['in_progress', 'Apprenticeship interview in December.'],
      },
      replan: 'Psychologist to revise the formulation for adult services. Probation to attend every review from now on.',
      nextReviewWeeks: 10,
    },
    trm: { by: 'psy-tom', level: 4, rationale: 'Understands how endings affect him and is planning for the next one rather than reacting to it.' },
  })
    .addEntries('2026-10-29 09:00', 'probation-fay', {
      probation:
        '2026-10-21 | police_justice | probation | confirmed | Probation practitioner allocated ahead of his eighteenth birthday; first joint meeting with his YJS worker held.',
    })
    .addEntries('2026-11-02 10:00', 'ecm-sam', {
      flat: '2026-10 | moves_accommodation | personal_adviser | confirmed | Moved into his own supported flat with floating support.',
    })
    .draft('2026-11-10 10:00', 'psy-tom')
    .update('2026-11-19 16:00', 'psy-tom', {
      ...V1,
      hypotheses: [
        ...(V1.hypotheses ?? []).filter((h) => h !== TRANSITION_HYPOTHESIS),
        { ...TRANSITION_HYPOTHESIS, evidence: ['supported', 'order', 'probation', 'flat'] },
      ],
      recommendations: [
        ...(V1.recommendations ?? []),
        rec('r6', 6, 5, 'Probation to keep the same appointment day and place as the YJS for the first three months after his birthday.', true),
      ],
    });
}
