import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { rec } from '../storyParts.js';

/**
 * FICTIONAL DEMO DATA — North Somerset: a statutory case whose next review is due within days, an
 * out-of-court case consultation, and a case waiting for the parent's agreement. All invented.
 */
export function northSomersetReviewDueSoon(run: DemoRun): void {
  const team = ['ecm-priya', 'psy-tom', 'yjs-dan', 'police-jo', 'health-ana'];
  const c = new CaseStory(run, 'NSO', 'review due soon');
  c.refer('2026-04-13 10:00', 'yjs-dan', {
    childName: 'Nathan Rowe',
    dateOfBirth: '2009-12-01',
    order: ['2026-03-30', '2027-03-29'],
    reason:
      'Sixteen-year-old on a 12-month Youth Rehabilitation Order for possession with intent to supply. Diagnosed ADHD; father in prison when he was small; suspected criminal exploitation. Close to his grandmother.',
  })
    .agree(
      '2026-04-20 15:00',
      'yjs-dan',
      'young_person',
      'in_person',
      'Sixteen. Understood ECM and the information-sharing; wanted to know whether police would see it, which we explained. Competent to agree.',
    )
    .agree('2026-04-20 15:10', 'yjs-dan', 'parent_carer', 'in_person')
    .invite('2026-04-21 09:00', 'ecm-priya', 'ecm-priya', 'psy-tom', 'police-jo', 'health-ana')
    .accept('2026-04-21 16:00', 'police-jo')
    .accept('2026-04-23 08:30', 'health-ana')
    .addEntries('2026-05-05 11:00', 'yjs-dan', {
      hostel: 'pregnancy | pregnancy_birth | young_person_or_family | reported | His mother was seventeen and lived in a hostel for part of the pregnancy.',
      nan: 'infancy | positive_relationships | young_person_or_family | reported | His grandmother looked after him most days while his mother finished college.',
      prison: 'age 3 | parental_adversity | social_care | confirmed | His father was sent to prison for four years; there was no contact during that time.',
      crossCountry: '2018 | strengths_achievements | education | confirmed | Came third in the district cross-country for his primary school.',
      schoolMove:
        '2021-11 | education | education | confirmed | Moved to a secondary school near his grandmother’s after repeated suspensions at his first school.',
      uncle: '2022-07 | loss_bereavement | young_person_or_family | reported | His uncle, who he was close to, died suddenly.',
      order: '2026-03-30 | police_justice | youth_justice | confirmed | Youth court made a 12-month Youth Rehabilitation Order with a programme of activities.',
    })
    .addEntries('2026-05-06 14:20', 'police-jo', {
      callOuts: '2015 | domestic_abuse | police | confirmed | Three call-outs over the year to domestic incidents between his mother and her partner.',
      lines: '2023 | exploitation_missing | police | unverified | Intelligence that he was being drawn into drug supply by older males; no charges.',
      caution: '2024-03-12 | police_justice | police | confirmed | Youth caution for possession of cannabis.',
      charged: '2026-02-20 | police_justice | police | confirmed | Charged with possession with intent to supply after being found with drugs and cash.',
    })
    .addEntries('2026-05-07 10:30', 'health-ana', {
      born: '2009-12-01 | pregnancy_birth | health | confirmed | Born at 35 weeks; a week in the special care baby unit.',
      adhd: 'age 8 | health_development | health | confirmed | Diagnosed with ADHD by the community paediatrician; medication started.',
      camhs: '2025-09 | health_development | health | confirmed | Referred to CAMHS for low mood and poor sleep; assessment completed.',
    });

  const formulation = {
    summary:
      'A 16-year-old whose early years were unsettled by his father’s imprisonment and domestic abuse at home, steadied by a grandmother who has cared for him throughout. ADHD was diagnosed at eight. After his uncle died he was drawn towards older males involved in drug supply, leading to his current order.',
    hypotheses: [
      {
        id: 'h1',
        domain: 'coping' as const,
        text: 'The sudden loss of his uncle, a male role model, may have left a gap that older males exploited, offering status, money and belonging.',
        evidence: ['uncle', 'lines', 'charged'],
      },
      {
        id: 'h2',
        domain: 'behaviours' as const,
        text: 'ADHD and early experiences of conflict at home may make it hard for him to wait, plan and weigh consequences, especially when excited or under pressure from peers.',
        evidence: ['adhd', 'callOuts', 'schoolMove'],
      },
      {
        id: 'h3',
        domain: 'relationships' as const,
        text: 'His grandmother has been a constant, safe adult; he is most settled when she is involved and least when plans leave her out.',
        evidence: ['nan', 'schoolMove'],
      },
    ],
    fivePs: {
      presenting: 'Drug supply offence; suspected exploitation; low mood and poor sleep.',
      predisposing: 'Father’s imprisonment; domestic abuse at home; ADHD; premature birth.',
      precipitating: 'His uncle’s death at twelve; contact with older males.',
      perpetuating: 'Debt and pressure from the group; missed education; poor sleep.',
      protective: 'His grandmother; running; engagement with CAMHS and his YJS worker.',
    },
    strengths: 'A gifted runner; loyal to his family; talks openly with his grandmother; keeps appointments when reminded the day before.',
    needs: 'ADHD medication review; sleep; help to plan and to leave situations early; a safe way out of any debt to the group.',
    recommendations: [
      rec('r1', 1, 1, 'Safety plan against exploitation: a National Referral Mechanism referral and a plan for what to do if he is approached.'),
      rec('r2', 2, 2, 'His YJS worker and grandmother meet together monthly so plans include her.', true),
      rec('r3', 3, 3, 'CAMHS sessions on low mood and sleep, with the same worker.', true),
      rec('r4', 4, 4, 'ADHD-aware work on planning and consequences using short, active sessions.'),
      rec('r5', 5, 5, 'A running club and a route to a sports leadership qualification.'),
    ],
    youthFriendly: {
      summary:
        'Your nan has always been there for you. Losing your uncle was a big loss, and some older lads filled that gap in ways that got you into trouble.',
      hypotheses: 'ADHD can make it hard to stop and think when things move fast. That is not an excuse; it is something we can plan around together.',
      strengths: 'You are a great runner, loyal to your family, and you turn up.',
      needs: 'Better sleep, a check of your ADHD medication, and a plan to stay safe.',
      recommendations: 'A safety plan. Your nan in the room. A health worker to talk to about feelings, the same one each time. Running club.',
    },
  };

  c.meeting('formulation', {
    kind: 'formulation',
    by: 'ecm-priya',
    scheduledOn: '2026-05-12 10:00',
    at: '2026-06-09 10:00',
    minutes: 120,
    location: 'North Somerset YJS office and Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-dan': 'accepted', 'police-jo': 'accepted', 'health-ana': 'accepted' },
    outcome: {
      by: 'ecm-priya',
      measures: {
        engagement: 'partly_engaged',
        educationTrainingEmployment: 'part_time',
        accommodation: 'stable',
        furtherOffending: 'charged',
        custodyOrRemand: 'none',
      },
      summary:
        'Timeline built with police, CAMHS and YJS; his grandmother joined for the first half. Exploitation risk and his grandmother’s place in the plan were the main themes.',
      replan: 'Psychologist to write the formulation. YJS worker to make a National Referral Mechanism referral this week.',
      nextReviewWeeks: 12,
    },
    trm: {
      by: 'psy-tom',
      level: 3,
      rationale: 'He has trusted adults in his grandmother and YJS worker; low mood and loss now need working through with support.',
    },
  })
    .draft('2026-06-15 11:00', 'psy-tom', formulation)
    .approve('2026-06-26 14:00', 'psy-tom')
    .addEntries('2026-07-28 16:00', 'yjs-dan', {
      hygiene: '2026-07 | strengths_achievements | youth_justice | confirmed | Gained a food hygiene certificate through the YJS kitchen project.',
    })
    .addEntries('2026-09-02 09:45', 'health-ana', {
      sessions: '2026-08 | positive_relationships | health | confirmed | Has attended six CAMHS sessions and asked to keep the same worker.',
    });

  c.meeting('review1', {
    kind: 'review',
    by: 'ecm-priya',
    scheduledOn: '2026-08-17 10:00',
    at: '2026-09-14 14:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-dan': 'accepted', 'health-ana': 'accepted', 'police-jo': 'tentative' },
    outcome: {
      by: 'ecm-priya',
      measures: { engagement: 'engaged', educationTrainingEmployment: 'part_time', accommodation: 'stable', furtherOffending: 'none', custodyOrRemand: 'none' },
      summary:
        'No new offences or police intelligence since June. He sleeps better, attends CAMHS and finished the kitchen project. He says he has “stepped back” from the group.',
      progress: {
        r1: ['achieved', 'NRM referral made; safety plan agreed with him and his grandmother.'],
        r2: ['in_progress', 'Two joint meetings held.'],
        r3: ['in_progress', 'Six sessions attended.'],
        r4: ['not_started', 'Starts in October.'],
        r5: ['in_progress', 'Trial sessions at a running club.'],
      },
      replan: 'Begin the planning and consequences work. Look into a sports leadership course for the spring.',
      nextReviewWeeks: 12,
    },
    trm: { by: 'psy-tom', level: 3.5, rationale: 'Starting to notice and name his low mood; beginning to link feelings with choices.' },
  });

  c.meeting('review2', {
    kind: 'review',
    by: 'ecm-priya',
    scheduledOn: '2026-11-23 11:00',
    at: '2026-12-07 10:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-dan': 'accepted', 'health-ana': 'tentative' },
  });
}

export function northSomersetConsultation(run: DemoRun): void {
  const c = new CaseStory(run, 'NSO', 'out-of-court consultation');
  c.refer('2026-08-17 13:00', 'yjs-dan', {
    childName: 'Owen Tull',
    dateOfBirth: '2012-10-30',
    order: null,
    reason:
      'Thirteen-year-old with a Youth Conditional Caution after a fight at school. Autistic; his parents separated this year. Case consultation asked for to help the YJS worker and school plan support.',
  })
    .agree(
      '2026-08-24 10:30',
      'yjs-dan',
      'young_person',
      'in_person',
      'Thirteen. Used a visual explanation; he understood and agreed, and wants his mum told what is said. Competent to agree.',
    )
    .agree('2026-08-24 11:45', 'yjs-dan', 'parent_carer', 'phone')
    .invite('2026-08-25 09:00', 'ecm-sam', 'ecm-sam', 'psy-helen')
    .addEntries('2026-09-01 14:00', 'yjs-dan', {
      birth: 'infancy | health_development | health | reported | Late to talk; his mother says he spoke his first words at two and a half.',
      diagnosis: 'age 7 | health_development | health | confirmed | Diagnosed autistic after assessment by the community paediatric team.',
      club: 'primary | strengths_achievements | education | confirmed | Ran the school’s lunchtime construction club with a teaching assistant in Year 6.',
      separation:
        '2026-02 | home_family | young_person_or_family | reported | His parents separated; he now lives with his mother and sees his father at weekends.',
      fight: '2026-06-23 | police_justice | police | confirmed | Fought another pupil who had taken his headphones; the other pupil was hurt.',
      caution: '2026-07-30 | police_justice | youth_justice | confirmed | Youth Conditional Caution with conditions to attend the YJS programme.',
    });
  c.meeting('consultation', {
    kind: 'consultation',
    by: 'ecm-sam',
    scheduledOn: '2026-08-26 10:00',
    at: '2026-09-22 13:00',
    minutes: 60,
    location: 'Microsoft Teams',
    attendees: ['ecm-sam', 'psy-helen', 'yjs-dan'],
    responses: { 'psy-helen': 'accepted', 'yjs-dan': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      summary:
        'The fight followed weeks of sensory overload and changes at home. Advice: predictable sessions with visual schedules, warning of any change, and a quiet exit card at school. Headphones are a regulation aid, not a privilege.',
      replan: 'YJS worker to share a one-page profile with school. Follow-up consultation in about eight weeks to hear how it is going.',
      nextReviewWeeks: null,
    },
    trm: { by: 'psy-helen', level: 2, rationale: 'Home has changed this year; he needs predictability and one adult who understands how autism affects him.' },
  });
  c.meeting('followUp', {
    kind: 'consultation',
    by: 'ecm-sam',
    scheduledOn: '2026-11-16 15:00',
    at: '2026-12-10 13:00',
    minutes: 60,
    location: 'Microsoft Teams',
    attendees: ['ecm-sam', 'psy-helen', 'yjs-dan'],
    responses: { 'yjs-dan': 'accepted' },
  });
}

export function northSomersetAwaitingAgreement(run: DemoRun): void {
  new CaseStory(run, 'NSO', 'awaiting the parent’s agreement')
    .refer('2026-11-09 09:40', 'yjs-dan', {
      childName: 'Aaliyah Grant',
      dateOfBirth: '2011-07-15',
      order: ['2026-10-26', '2027-10-25'],
      reason:
        'Fifteen-year-old on a 12-month Referral Order for criminal damage and a public order offence. Excluded from two schools; a young carer for her father. The referral order panel suggested ECM.',
    })
    .agree(
      '2026-11-17 16:00',
      'yjs-dan',
      'young_person',
      'in_person',
      'Fifteen. Understood the purpose of ECM and the timeline, and who would see it. Competent to agree.',
    );
}
