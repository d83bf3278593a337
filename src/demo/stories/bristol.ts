import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { BRISTOL_FORMULATION_V1, BRISTOL_FORMULATION_V2 } from './bristolFormulation.js';

/**
 * FICTIONAL DEMO DATA — a Bristol statutory case a year into ECM: an approved formulation revised
 * after the first review, three reviews, a setback on the TRM over the summer and a review booked.
 * The young person, his family and every event are invented.
 */
export function bristolStatutoryCase(run: DemoRun): void {
  const team = ['ecm-sam', 'psy-helen', 'yjs-amy', 'police-jo', 'school-ruth', 'sw-mark'];
  const c = new CaseStory(run, 'BRI', 'statutory case with reviews and a setback');

  c.refer('2026-01-26 10:30', 'yjs-amy', {
    childName: 'Reece Halloran',
    dateOfBirth: '2010-08-19',
    order: ['2026-01-12', '2027-07-11'],
    reason:
      'Fifteen-year-old on an 18-month Youth Rehabilitation Order for robbery. Domestic abuse at home since before birth, the death of his grandmother at nine, a permanent exclusion and missing episodes with older youths. Finds it hard to trust professionals; engages through sport.',
  })
    .agree(
      '2026-02-02 16:00',
      'yjs-amy',
      'young_person',
      'in_person',
      'Fifteen. Understood what ECM involves, who will see his timeline and that he can stop at any time; asked good questions. Competent to agree.',
    )
    .agree('2026-02-02 16:20', 'yjs-amy', 'parent_carer', 'in_person')
    .invite('2026-02-03 09:30', 'ecm-sam', 'ecm-sam', 'psy-helen', 'police-jo', 'school-ruth', 'sw-mark')
    .accept('2026-02-04 08:45', 'police-jo')
    .accept('2026-02-05 12:10', 'school-ruth')
    .accept('2026-02-09 14:30', 'sw-mark');

  c.addEntries('2026-02-10 11:00', 'yjs-amy', {
    robbery: '2025-10-03 | police_justice | police | confirmed | Arrested with two older youths for robbing another teenager of a mobile phone.',
    order: '2026-01-12 | police_justice | youth_justice | confirmed | Youth court made an 18-month Youth Rehabilitation Order with supervision.',
    firstWeeks:
      '2026-01 | positive_relationships | youth_justice | confirmed | Kept all four of his first YJS appointments when they were held at the sports centre.',
  })
    .addEntries('2026-02-11 15:00', 'sw-mark', {
      fatherLeft: 'age 1 | home_family | social_care | reported | Father left the family home; contact became irregular and stopped by the time he was four.',
      childInNeed:
        'age 4 | domestic_abuse | social_care | confirmed | Child and family assessment after repeated domestic abuse by his mother’s new partner; Child in Need plan opened.',
      tempHousing:
        '2017-03 | moves_accommodation | social_care | confirmed | Family evicted and moved into temporary accommodation; he changed primary school mid-year.',
      cinClosed:
        '2018 | home_family | social_care | confirmed | Child in Need plan closed after his mother separated from her partner and the family were rehoused.',
    })
    .addEntries('2026-02-12 10:15', 'police-jo', {
      daPregnancy:
        '2010-05 | domestic_abuse | police | confirmed | Police called to the home after an argument between his mother and her partner while she was five months pregnant; no further action.',
      missing:
        '2023-02 | exploitation_missing | police | reported | Reported missing overnight; found the next morning with older youths in another part of the city.',
      packages:
        'age 13 | exploitation_missing | police | unverified | Intelligence suggests he was asked to carry packages for older youths; not substantiated.',
    })
    .addEntries('2026-02-16 13:40', 'school-ruth', {
      speech:
        '2015 | health_development | education | confirmed | Referred to speech and language therapy in his reception year; six sessions, then support in class.',
      buddy:
        'age 8 | strengths_achievements | education | confirmed | Chosen as a playground buddy for younger pupils; staff describe him as kind and patient.',
      secondary: '2021-09 | education | education | confirmed | Started secondary school; 94% attendance in his first term.',
      suspensions: '2022 | education | education | confirmed | Three suspensions in Year 8 for leaving lessons and verbal aggression towards staff.',
      exclusion: '2024-06 | education | education | confirmed | Permanently excluded after a fight with another pupil.',
      coach:
        '2024 | positive_relationships | education | confirmed | Built a good relationship with the sports coach at his alternative provision; attendance rose to 80% in the summer term.',
    })
    .addEntries('2026-02-17 11:30', 'ecm-sam', {
      antenatal:
        'pregnancy | pregnancy_birth | health | reported | His mother booked late for antenatal care and missed two midwife appointments, by her account.',
      birth: '2010-08-19 | pregnancy_birth | health | confirmed | Born at 37 weeks, a healthy weight; home with his mother after two days.',
      granCare:
        'early_years | positive_relationships | young_person_or_family | reported | His grandmother looked after him most weekends and collected him from nursery.',
      granDied:
        '2019-11 | loss_bereavement | young_person_or_family | reported | His grandmother died. His mother says he stopped going to football afterwards.',
      caution: 'age 12 | police_justice | police | unverified | His mother recalls a police caution for shoplifting at about twelve.',
    })
    .edit(
      '2026-03-02 09:20',
      'police-jo',
      'missing',
      '2023-02-14 | exploitation_missing | police | confirmed | Reported missing overnight; found the next morning with older youths in another part of the city. Return interview completed.',
    );

  c.meeting('formulation', {
    kind: 'formulation',
    by: 'ecm-sam',
    scheduledOn: '2026-02-13 10:00',
    at: '2026-03-10 10:00',
    minutes: 120,
    location: 'Bristol YJS, meeting room 2, and Microsoft Teams',
    attendees: team,
    responses: { 'psy-helen': 'accepted', 'yjs-amy': 'accepted', 'police-jo': 'accepted', 'school-ruth': 'tentative', 'sw-mark': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      measures: {
        engagement: 'partly_engaged',
        educationTrainingEmployment: 'part_time',
        accommodation: 'at_risk',
        furtherOffending: 'none',
        custodyOrRemand: 'none',
      },
      summary:
        'The team built the timeline together. Social care, police and school added what they hold; his mother’s account of the early years was shared with her permission. Agreed that trust and a predictable routine come first.',
      replan:
        'Psychologist to write the formulation and a youth-friendly version within two weeks. YJS worker to keep weekly Tuesday sessions. ECM practitioner to approach the boxing club mentoring scheme.',
      nextReviewWeeks: 12,
    },
    trm: {
      by: 'psy-helen',
      level: 2,
      rationale:
        'Basic needs are met and home is settled for now; what he needs next is one trusted adult. He attends when sessions are active and predictable.',
    },
  })
    .addEntries('2026-03-10 12:20', 'ecm-sam', {
      mumStrength:
        'secondary | positive_relationships | young_person_or_family | reported | His mother has kept every school and YJS meeting since the exclusion and wants things to change.',
    })
    .retract(
      '2026-03-10 12:30',
      'ecm-sam',
      'caution',
      'Police checked their records at the formulation meeting: there is no caution or arrest at that age. Retracted so that the formulation does not rely on it.',
    )
    .edit(
      '2026-03-11 10:05',
      'school-ruth',
      'exclusion',
      '2024-05 | education | education | confirmed | Permanently excluded after a fight with another pupil in the lunch queue; started at alternative provision in June.',
    );

  c.draft('2026-03-13 14:00', 'psy-helen', { summary: BRISTOL_FORMULATION_V1.summary, hypotheses: BRISTOL_FORMULATION_V1.hypotheses?.slice(0, 2) })
    .update('2026-03-18 16:30', 'psy-helen', BRISTOL_FORMULATION_V1)
    .approve('2026-03-24 09:15', 'psy-helen')
    .invite('2026-03-24 11:00', 'ecm-sam', 'mentor-kai')
    .accept('2026-03-26 18:05', 'mentor-kai')
    .addEntries('2026-04-28 17:45', 'mentor-kai', {
      boxing:
        '2026-04 | strengths_achievements | mentoring | confirmed | Attended eight of nine boxing club sessions with his mentor; the coach asked him to help set up the ring.',
    });

  c.meeting('review1', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-05-11 09:00',
    at: '2026-06-02 10:00',
    location: 'Microsoft Teams',
    attendees: [...team, 'mentor-kai'],
    responses: { 'psy-helen': 'accepted', 'yjs-amy': 'accepted', 'mentor-kai': 'accepted', 'police-jo': 'declined', 'sw-mark': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      measures: { engagement: 'engaged', educationTrainingEmployment: 'part_time', accommodation: 'stable', furtherOffending: 'none', custodyOrRemand: 'none' },
      summary:
        'Good progress. He has kept almost every appointment and talks more freely on walks. Alternative provision reports a better mood. He told his YJS worker he actually likes boxing. Moved up half a step on the TRM.',
      progress: {
        r1: ['in_progress', 'Repairs done; benefits review booked.'],
        r2: ['achieved', 'Seen every Tuesday for eleven weeks; missed one and texted to say so.'],
        r3: ['in_progress', 'Boxing weekly with his mentor.'],
        r4: ['in_progress', 'Screening booked for June.'],
        r5: ['not_started', 'He says not yet; the team respects that.'],
        r6: ['not_started', ''],
      },
      replan: 'Add a summer holiday plan: routine has fallen away in past holidays. All other recommendations continue.',
      nextReviewWeeks: 12,
    },
    trm: {
      by: 'psy-helen',
      level: 2.5,
      rationale: 'A trusting relationship with his YJS worker and mentor is forming; he is starting to name what upsets him.',
    },
  })
    .draft('2026-06-05 10:00', 'psy-helen')
    .update('2026-06-12 15:20', 'psy-helen', BRISTOL_FORMULATION_V2)
    .approve('2026-06-16 09:40', 'psy-helen')
    .summary('2026-06-18 11:00', 'ecm-sam', 'court', 'psy-helen');

  c.addEntries('2026-07-08 16:10', 'yjs-amy', {
    partnerBack: '2026-06 | home_family | young_person_or_family | reported | His mother’s former partner moved back into the family home.',
  })
    .addEntries('2026-07-15 09:00', 'police-jo', {
      stop: '2026-07-11 | police_justice | police | confirmed | Stopped at 1am in a car with older youths; no arrest, taken home by officers.',
    })
    .addEntries('2026-07-20 17:00', 'yjs-amy', {
      missedSessions: '2026-07 | police_justice | youth_justice | confirmed | Missed three YJS appointments and two boxing sessions over three weeks.',
    })
    .trm(
      '2026-07-21 10:30',
      'ecm-sam',
      2,
      'A setback, recorded as such and not as failure: after his mother’s former partner returned he stopped attending and was out late with older youths. Back to safety and trust; his mentor and YJS worker are keeping contact going.',
    );

  c.meeting('review2', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-08-10 11:00',
    at: '2026-09-08 10:00',
    location: 'Bristol YJS, meeting room 2, and Microsoft Teams',
    attendees: [...team, 'mentor-kai'],
    responses: { 'psy-helen': 'accepted', 'yjs-amy': 'accepted', 'mentor-kai': 'accepted', 'sw-mark': 'tentative' },
    outcome: {
      by: 'ecm-sam',
      measures: {
        engagement: 'partly_engaged',
        educationTrainingEmployment: 'part_time',
        accommodation: 'unstable',
        furtherOffending: 'alleged',
        custodyOrRemand: 'none',
      },
      summary:
        'The summer was hard: his mother’s former partner returned, he stopped attending for three weeks and was stopped by police late at night. Since August he is back with his YJS worker and mentor, and the former partner has left.',
      progress: {
        r1: ['in_progress', 'Social care reviewing support now the former partner has gone.'],
        r2: ['in_progress', 'Contact dropped in July; weekly again since mid-August.'],
        r3: ['in_progress', 'Back at boxing since mid-August.'],
        r4: ['achieved', 'Screening found moderate language difficulties; communication passport shared.'],
        r5: ['not_started', ''],
        r6: ['in_progress', 'College taster course booked for September.'],
        r7: ['stopped', 'The plan did not hold once home changed; to be built earlier before the next holiday.'],
      },
      replan: 'Review sooner than usual, in eight weeks. Mentor to add a second weekly session while the autumn settles.',
      nextReviewWeeks: 8,
    },
    trm: { by: 'psy-helen', level: 2.5, rationale: 'Re-engaged and using his trusted adults again; back where he was in June.' },
  })
    .addEntries('2026-09-29 15:30', 'school-ruth', {
      taster: '2026-09 | strengths_achievements | education | confirmed | Completed a construction taster course at college and received a certificate.',
    })
    .addEntries('2026-10-19 19:00', 'mentor-kai', {
      bout: '2026-10-17 | strengths_achievements | mentoring | confirmed | Boxed his first amateur bout and invited his mentor and his mother to watch.',
    })
    .addEntries('2026-10-30 12:00', 'yjs-amy', {
      interview: '2026-10 | positive_relationships | youth_justice | confirmed | Asked his YJS worker to come with him to his college interview.',
    });

  c.meeting('review3', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-10-06 14:00',
    at: '2026-11-06 10:00',
    location: 'Microsoft Teams',
    attendees: [...team, 'mentor-kai'],
    responses: { 'psy-helen': 'accepted', 'yjs-amy': 'accepted', 'mentor-kai': 'accepted', 'school-ruth': 'accepted', 'police-jo': 'tentative' },
    outcome: {
      by: 'ecm-sam',
      measures: { engagement: 'engaged', educationTrainingEmployment: 'full_time', accommodation: 'stable', furtherOffending: 'none', custodyOrRemand: 'none' },
      summary:
        'Steady progress through the autumn: home is calmer, he boxes twice a week and asked for his YJS worker by name at college. He has agreed to begin talking about his grandmother.',
      progress: {
        r1: ['achieved', 'Home stable; family support closing with a plan.'],
        r2: ['achieved', 'A consistent, trusted relationship.'],
        r3: ['achieved', 'Boxing twice a week; first bout in October.'],
        r5: ['in_progress', 'Grief-focused sessions to begin in December.'],
        r6: ['in_progress', 'College interview attended; offer expected for January.'],
        r7: ['not_started', 'Christmas holiday plan to be written by mid-December.'],
      },
      replan: 'Psychologist to begin grief-focused sessions with his YJS worker present. Plan the move to college for January.',
      nextReviewWeeks: 10,
    },
    trm: {
      by: 'psy-helen',
      level: 3,
      rationale: 'Trust is secure enough to begin working through the loss of his grandmother, with co-regulation from his YJS worker.',
    },
  });

  c.meeting('review4', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-11-20 10:00',
    at: '2027-01-13 10:00',
    location: 'Bristol YJS, meeting room 2, and Microsoft Teams',
    attendees: [...team, 'mentor-kai'],
    responses: { 'psy-helen': 'accepted', 'yjs-amy': 'accepted', 'mentor-kai': 'tentative' },
  });
}
