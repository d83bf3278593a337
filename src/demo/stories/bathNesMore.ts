import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { rec } from '../storyParts.js';

/**
 * FICTIONAL DEMO DATA — two more Bath and North East Somerset cases: one whose formulation meeting
 * is booked, and one closed when the order ended after a year of ECM. Every person and event is invented.
 */
export function bathFormulationMeetingBooked(run: DemoRun): void {
  const c = new CaseStory(run, 'BNE', 'formulation meeting booked');
  c.refer('2026-10-05 11:00', 'yjs-lee', {
    childName: 'Freya Coles',
    dateOfBirth: '2012-06-08',
    order: ['2026-09-21', '2027-09-20'],
    reason:
      'Fourteen-year-old on a 12-month Referral Order for assaulting a peer. Lost her father suddenly at ten and has been a young carer for her mother since. Anxious and withdrawn at home; doing well at school.',
  })
    .agree(
      '2026-10-12 16:00',
      'yjs-lee',
      'young_person',
      'in_person',
      'Fourteen. Understood what ECM involves; worried her mother would be blamed, which we talked through. Competent to agree.',
    )
    .agree('2026-10-12 16:15', 'yjs-lee', 'parent_carer', 'in_person')
    .invite('2026-10-13 09:00', 'ecm-priya', 'ecm-priya', 'psy-helen', 'police-jo', 'health-ana')
    .accept('2026-10-13 14:00', 'police-jo')
    .accept('2026-10-15 10:30', 'health-ana')
    .addEntries('2026-10-20 10:00', 'yjs-lee', {
      pregnancy:
        'pregnancy | pregnancy_birth | young_person_or_family | reported | An uncomplicated pregnancy; her parents had just moved into their first home together.',
      born: '2012-06-08 | pregnancy_birth | health | confirmed | Born at full term, healthy.',
      dad: 'early_years | positive_relationships | young_person_or_family | reported | Very close to her father, who took her to gymnastics every Saturday.',
      gymnastics: 'age 9 | strengths_achievements | education | confirmed | Reached county level in gymnastics.',
      dadDied: '2022-11 | loss_bereavement | young_person_or_family | confirmed | Her father died suddenly of a heart condition.',
      mumIll:
        '2023 | home_family | health | confirmed | Her mother was diagnosed with a long-term neurological condition and has had several hospital stays since.',
      carer: '2023-09 | home_family | young_person_or_family | reported | Became a young carer for her mother; registered with the young carers service.',
      topSet: '2024 | strengths_achievements | education | confirmed | In the top sets for English and science; teachers describe her as conscientious.',
      order: '2026-09-21 | police_justice | youth_justice | confirmed | Youth court made a 12-month Referral Order.',
    })
    .addEntries('2026-10-21 09:15', 'police-jo', {
      assault: '2026-07-09 | police_justice | police | confirmed | Arrested after assaulting another girl who had posted about her mother online.',
    })
    .addEntries('2026-10-22 15:00', 'health-ana', {
      waiting: '2025-03 | health_development | health | confirmed | GP referral to CAMHS for anxiety and poor sleep; eight months on the waiting list.',
      camhs: '2026-10 | positive_relationships | health | confirmed | Attended her first CAMHS appointment with her aunt.',
    })
    .meeting('formulation', {
      kind: 'formulation',
      by: 'ecm-priya',
      scheduledOn: '2026-11-09 10:00',
      at: '2026-12-03 10:00',
      minutes: 120,
      location: 'Bath YJS office and Microsoft Teams',
      attendees: ['ecm-priya', 'psy-helen', 'yjs-lee', 'police-jo', 'health-ana'],
      responses: { 'psy-helen': 'accepted', 'yjs-lee': 'accepted', 'police-jo': 'tentative', 'health-ana': 'accepted' },
    });
}

export function bathClosedOrderEnded(run: DemoRun): void {
  const team = ['ecm-priya', 'psy-tom', 'yjs-lee', 'mentor-kai'];
  const c = new CaseStory(run, 'BNE', 'closed when the order ended');
  c.refer('2026-01-06 10:00', 'yjs-lee', {
    childName: 'Connor Bale',
    dateOfBirth: '2009-09-14',
    order: ['2025-10-06', '2026-10-05'],
    reason:
      'Sixteen-year-old on a 12-month Youth Rehabilitation Order for affray. Grew up with his parents’ heavy drinking; left school without qualifications. A warm relationship with his older sister.',
  })
    .agree(
      '2026-01-12 15:00',
      'yjs-lee',
      'young_person',
      'in_person',
      'Sixteen. Understood and agreed, on condition his sister is involved. Competent to agree.',
    )
    .agree('2026-01-12 15:20', 'yjs-lee', 'parent_carer', 'in_person')
    .invite('2026-01-13 09:00', 'ecm-priya', 'ecm-priya', 'psy-tom', 'mentor-kai')
    .accept('2026-01-14 17:00', 'mentor-kai')
    .addEntries('2026-01-22 11:00', 'yjs-lee', {
      drinking:
        'pregnancy | parental_adversity | young_person_or_family | reported | Both parents were drinking heavily during the pregnancy, by his sister’s account.',
      born: '2009-09-14 | pregnancy_birth | health | confirmed | Born at full term with a low birth weight.',
      cin: 'early_years | abuse_neglect | social_care | confirmed | Child in Need plan for neglect linked to his parents’ drinking.',
      sister: 'primary | positive_relationships | young_person_or_family | reported | His sister, eight years older, got him ready for school most days.',
      callOuts: '2019 | parental_adversity | police | confirmed | Several police call-outs to the home for disputes between his parents when drunk.',
      year7: '2021-05 | education | education | confirmed | Four suspensions in Year 7.',
      leftSchool: '2025-06 | education | education | confirmed | Stopped attending in Year 11 and left school without qualifications.',
      affray: '2025-07-26 | police_justice | police | confirmed | Arrested for affray after a fight at a bus station.',
      order: '2025-10-06 | police_justice | youth_justice | confirmed | Youth court made a 12-month Youth Rehabilitation Order.',
    });

  c.meeting('formulation', {
    kind: 'formulation',
    by: 'ecm-priya',
    scheduledOn: '2026-01-20 10:00',
    at: '2026-02-17 10:00',
    minutes: 120,
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'accepted' },
    outcome: {
      by: 'ecm-priya',
      summary: 'Timeline built with YJS and his mentor; his sister joined for the first hour. He wants a trade and to stay out of trouble for her sake.',
      replan: 'Psychologist to write the formulation.',
      nextReviewWeeks: 12,
    },
    trm: { by: 'psy-tom', level: 2, rationale: 'Living with his sister, which is stable; trust in professionals is low but growing with his mentor.' },
  })
    .draft('2026-02-23 10:00', 'psy-tom', {
      summary:
        'A 16-year-old who grew up with his parents’ heavy drinking and neglect, looked after mostly by his older sister. School fell away in Year 11. He is practical, loyal and wants a trade.',
      hypotheses: [
        {
          id: 'h1',
          domain: 'relationships',
          text: 'His sister was his secure base; he trusts people who show up reliably, as she did, and dismisses those who do not.',
          evidence: ['sister', 'cin'],
        },
        {
          id: 'h2',
          domain: 'triggers',
          text: 'Loud, drunken conflict at home may have left him primed for threat in noisy, crowded places, where the affray happened.',
          evidence: ['callOuts', 'affray'],
        },
      ],
      strengths: 'Practical and good with his hands; loyal to his sister; reliable with people he trusts.',
      needs: 'A route into work or training; help to notice rising anger in busy places.',
      recommendations: [
        rec('r1', 1, 2, 'Weekly mentoring with an activity he chooses.', true),
        rec('r2', 2, 2, 'Involve his sister in planning meetings.', true),
        rec('r3', 3, 4, 'Short sessions on noticing and calming anger, practised in real places.'),
        rec('r4', 4, 5, 'Support into a motor vehicle course at college.'),
      ],
      youthFriendly: {
        summary: 'Your sister looked after you when things at home were hard. You are good with your hands and you want a trade.',
        hypotheses: 'Growing up with shouting at home can make busy, loud places feel like a threat.',
        strengths: 'Practical, loyal, reliable.',
        needs: 'A way into college or work, and ways to calm down when it gets loud.',
        recommendations: 'Mentor every week. Your sister in the meetings. Practise staying calm. College in September.',
      },
    })
    .approve('2026-03-03 14:00', 'psy-tom')
    .addEntries('2026-03-16 18:00', 'mentor-kai', {
      fishing: '2026-02 | positive_relationships | mentoring | confirmed | Weekly fishing trips with his mentor; has not missed one.',
    });

  c.meeting('review1', {
    kind: 'review',
    by: 'ecm-priya',
    scheduledOn: '2026-04-14 10:00',
    at: '2026-05-12 10:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'accepted' },
    outcome: {
      by: 'ecm-priya',
      summary: 'No further offences. Mentoring every week; his sister attended. College place offered for September.',
      progress: {
        r1: ['achieved', 'Fishing every week.'],
        r2: ['achieved', ''],
        r3: ['in_progress', 'Four sessions.'],
        r4: ['in_progress', 'Place offered.'],
      },
      nextReviewWeeks: 12,
    },
    trm: { by: 'psy-tom', level: 3, rationale: 'Trusted relationships in place; starting to reflect on the fight and what led up to it.' },
  }).addEntries('2026-06-01 11:00', 'yjs-lee', {
    college: '2026-05 | strengths_achievements | education | confirmed | Accepted onto a motor vehicle maintenance course starting in September.',
  });

  c.meeting('review2', {
    kind: 'review',
    by: 'ecm-priya',
    scheduledOn: '2026-07-07 10:00',
    at: '2026-08-04 10:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-tom': 'accepted', 'yjs-lee': 'accepted', 'mentor-kai': 'accepted' },
    outcome: {
      by: 'ecm-priya',
      summary:
        'Final review before the order ends. He describes using the calming plan twice in town. Ready to move on; his mentor will stay in touch through college.',
      progress: { r3: ['achieved', 'Uses the plan in real situations.'], r4: ['in_progress', 'Starts in September.'] },
      replan: 'Hand the plan to his college tutor and Early Help worker before the order ends.',
      nextReviewWeeks: 9,
    },
    trm: { by: 'psy-tom', level: 4, rationale: 'Manages his anger in situations that used to end in fights and can explain how.' },
  })
    .addEntries('2026-10-07 10:00', 'yjs-lee', {
      attendance: '2026-09 | strengths_achievements | education | confirmed | Started college; 92% attendance in his first month.',
    })
    .close(
      '2026-10-09 11:00',
      'ecm-priya',
      'order_ended',
      'Order completed with no further offences. The plan was handed to his college tutor and Early Help worker; he knows how to reach his mentor.',
    );
}
