import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { rec } from '../storyParts.js';

/**
 * FICTIONAL DEMO DATA — South Gloucestershire: a statutory case whose review is overdue after a
 * cancelled meeting, with a CAMHS worker invited who has not yet accepted the terms; a case where
 * the parent withdrew agreement; and a case closed after the young person declined. All invented.
 */
export function southGlosReviewOverdue(run: DemoRun): void {
  const team = ['ecm-sam', 'psy-helen', 'yjs-kate', 'police-jo', 'mentor-kai'];
  const c = new CaseStory(run, 'SGL', 'review overdue');
  c.refer('2026-02-16 10:00', 'yjs-kate', {
    childName: 'Jade Whitmore',
    dateOfBirth: '2010-03-11',
    order: ['2026-02-02', '2027-08-01'],
    reason:
      'Fifteen-year-old on an 18-month Youth Rehabilitation Order for wounding. Her mother’s serious mental illness in her infancy, emotional harm from a controlling adult at home, self-harm, missing episodes and suspected exploitation by an adult male.',
  })
    .agree(
      '2026-02-23 16:30',
      'yjs-kate',
      'young_person',
      'in_person',
      'Fifteen, nearly sixteen. Understood ECM well; asked that her self-harm is talked about only with her there. Competent to agree.',
    )
    .agree('2026-02-23 16:45', 'yjs-kate', 'parent_carer', 'in_person')
    .invite('2026-02-24 09:00', 'ecm-sam', 'ecm-sam', 'psy-helen', 'police-jo', 'mentor-kai')
    .accept('2026-02-24 12:00', 'police-jo')
    .accept('2026-02-27 17:30', 'mentor-kai')
    .addEntries('2026-03-09 10:00', 'yjs-kate', {
      perinatal:
        'pregnancy | parental_adversity | health | reported | Her mother had severe depression in the pregnancy, supported by the perinatal mental health team.',
      born: '2010-03-11 | pregnancy_birth | health | confirmed | Born at full term after a long labour; mother and baby well.',
      hospital:
        'age 1 | parental_adversity | health | confirmed | Her mother spent six weeks in hospital for her mental health; her paternal grandparents cared for her.',
      swimming:
        'early_years | positive_relationships | young_person_or_family | reported | Close to her paternal grandparents, who took her swimming every week.',
      moved: '2016-09 | moves_accommodation | social_care | confirmed | Moved to South Gloucestershire with her mother after her parents separated.',
      cp: 'age 8 | abuse_neglect | social_care | confirmed | Child Protection plan for emotional harm: her mother’s new partner was controlling and frightening at home.',
      piano: '2019 | strengths_achievements | education | confirmed | Passed Grade 3 piano and played at the school summer concert.',
      bullied: '2021-09 | education | education | confirmed | Started secondary school; bullied online in Year 7 and found friendships hard.',
      selfHarm: '2022-10 | health_development | health | confirmed | Seen at the emergency department after self-harm; referred to CAMHS.',
      managedMove: '2024-04 | education | education | confirmed | Managed move to another secondary school; attendance improved to 85%.',
      order:
        '2026-02-02 | police_justice | youth_justice | confirmed | Youth court made an 18-month Youth Rehabilitation Order with supervision and a mentoring requirement.',
    })
    .addEntries('2026-03-10 11:30', 'police-jo', {
      missing:
        '2023 | exploitation_missing | police | confirmed | Six missing episodes over the year; found twice with an adult male not known to the family. Exploitation screening completed.',
      wounding: '2025-11-21 | police_justice | police | confirmed | Arrested for wounding after a fight with another girl in a park.',
    });

  c.meeting('formulation', {
    kind: 'formulation',
    by: 'ecm-sam',
    scheduledOn: '2026-04-21 10:00',
    at: '2026-05-19 10:00',
    minutes: 120,
    location: 'South Gloucestershire YJS office and Microsoft Teams',
    attendees: team,
    responses: { 'psy-helen': 'accepted', 'yjs-kate': 'accepted', 'police-jo': 'accepted', 'mentor-kai': 'accepted' },
    outcome: {
      by: 'ecm-sam',
      summary:
        'Timeline built with police, YJS and her mentor; health entries were brought by the YJS worker from the CAMHS letters. Safety from the adult male and from self-harm come first.',
      replan: 'Psychologist to write the formulation. YJS worker to ask CAMHS to join the team.',
      nextReviewWeeks: 12,
    },
    trm: {
      by: 'psy-helen',
      level: 2,
      rationale: 'Safe at home for now; beginning to trust her YJS worker and mentor, but still expects adults to let her down.',
    },
  })
    .draft('2026-05-26 10:00', 'psy-helen', {
      summary:
        'A 16-year-old whose first year was shaped by her mother’s serious illness, and whose primary years included emotional harm from a controlling adult at home. Bullying, self-harm and missing episodes with an adult male followed in secondary school. She is musical, articulate and fiercely loyal to her grandparents.',
      hypotheses: [
        {
          id: 'h1',
          domain: 'relationships',
          text: 'Early separations from her mother and later control at home may have left her seeking closeness urgently, which an exploitative adult could use.',
          evidence: ['hospital', 'cp', 'missing'],
        },
        {
          id: 'h2',
          domain: 'coping',
          text: 'Self-harm and running away may be ways of managing overwhelming feelings when no adult feels safe to go to.',
          evidence: ['selfHarm', 'missing', 'bullied'],
        },
        {
          id: 'h3',
          domain: 'triggers',
          text: 'Feeling humiliated by peers may trigger sudden aggression, as in the park fight.',
          evidence: ['bullied', 'wounding'],
        },
      ],
      fivePs: {
        presenting: 'Wounding; self-harm; missing episodes; suspected exploitation.',
        predisposing: 'Maternal mental illness in infancy; emotional harm; parental separation.',
        precipitating: 'Online bullying in Year 7; contact with an adult male.',
        perpetuating: 'Shame; few safe adults; conflict at home.',
        protective: 'Her grandparents; music; her mentor; improved attendance after the managed move.',
      },
      strengths: 'Musical and creative; articulate when she feels safe; loyal to her grandparents; has kept going at a new school.',
      needs: 'Emotional regulation; safety planning for self-harm; protection from exploitation; a steady adult.',
      recommendations: [
        rec('r1', 1, 1, 'Exploitation and self-harm safety plans, shared with her and her grandparents.'),
        rec('r2', 2, 2, 'Weekly mentoring through music at a youth project.', true),
        rec('r3', 3, 2, 'Her YJS worker as the single point of contact, seen at the same time each week.', true),
        rec('r4', 4, 3, 'CAMHS work on self-harm and feelings, linked with her YJS worker.', true),
        rec('r5', 5, 5, 'Explore a music technology course at college.'),
      ],
      youthFriendly: {
        summary: 'A lot happened when you were small that was not your fault. You are musical, clever with words and loyal to your grandparents.',
        hypotheses:
          'When feelings get too big and no adult feels safe, hurting yourself or running can seem like the only way out. We want to find other ways together.',
        strengths: 'Music, words, loyalty, and sticking at a new school.',
        needs: 'Safe adults, a plan for bad days, and help with big feelings.',
        recommendations:
          'A safety plan. Music with your mentor. The same worker every week. Someone to talk to about feelings when you are ready. College music later.',
      },
    })
    .approve('2026-06-02 15:00', 'psy-helen')
    .addEntries('2026-06-29 18:30', 'mentor-kai', {
      song: '2026-06 | strengths_achievements | mentoring | confirmed | Started weekly music sessions at a youth project; wrote and recorded her own song.',
    });

  c.meeting('review1', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-07-14 10:00',
    at: '2026-08-11 10:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-helen': 'accepted', 'yjs-kate': 'accepted', 'mentor-kai': 'accepted', 'police-jo': 'declined' },
    outcome: {
      by: 'ecm-sam',
      summary:
        'No missing episodes since May. Music sessions every week. Self-harm less frequent, by her account. Conflict with her mother’s partner is rising at home.',
      progress: {
        r1: ['achieved', 'Both safety plans in place.'],
        r2: ['achieved', 'Every week since June.'],
        r3: ['in_progress', 'Mostly weekly.'],
        r4: ['not_started', 'CAMHS has not yet joined; YJS worker chasing.'],
        r5: ['not_started', ''],
      },
      replan: 'Ask CAMHS again. Social care to be told of the rising conflict at home.',
      nextReviewWeeks: 10,
    },
    trm: { by: 'psy-helen', level: 2.5, rationale: 'Using her mentor and YJS worker when things get hard; trust is growing.' },
  });

  c.addEntries('2026-10-05 14:00', 'yjs-kate', {
    kinship:
      '2026-09 | care_placements | social_care | confirmed | Moved to live with her paternal grandmother under a kinship arrangement after a breakdown at home.',
  });
  c.meeting('review2', {
    kind: 'review',
    by: 'ecm-sam',
    scheduledOn: '2026-09-22 10:00',
    at: '2026-10-20 10:00',
    location: 'Microsoft Teams',
    attendees: team,
    responses: { 'psy-helen': 'accepted', 'yjs-kate': 'accepted' },
    cancelledOn: '2026-10-16 12:00',
  })
    .invite('2026-11-17 11:00', 'ecm-sam', 'health-ana')
    .meeting('review2Rearranged', {
      kind: 'review',
      by: 'ecm-sam',
      scheduledOn: '2026-11-18 09:30',
      at: '2026-12-09 10:00',
      location: 'Microsoft Teams',
      attendees: [...team, 'health-ana'],
      responses: { 'psy-helen': 'accepted', 'yjs-kate': 'accepted' },
    });
}

export function southGlosAgreementWithdrawn(run: DemoRun): void {
  new CaseStory(run, 'SGL', 'agreement withdrawn')
    .refer('2026-05-11 11:00', 'yjs-kate', {
      childName: 'Tyler Vance',
      dateOfBirth: '2011-01-27',
      order: ['2026-04-27', '2027-04-26'],
      reason: 'Fifteen-year-old on a 12-month Referral Order for taking a vehicle without consent. His father has been in and out of prison; many house moves.',
    })
    .agree(
      '2026-05-18 16:00',
      'yjs-kate',
      'young_person',
      'in_person',
      'Fifteen. Understood and keen; likes the idea of a plan he helps write. Competent to agree.',
    )
    .agree('2026-05-18 16:10', 'yjs-kate', 'parent_carer', 'in_person')
    .invite('2026-05-19 09:00', 'ecm-priya', 'ecm-priya')
    .addEntries('2026-05-28 13:00', 'yjs-kate', {
      prisonBirth: 'pregnancy | parental_adversity | young_person_or_family | reported | His father was in prison for most of the pregnancy.',
      moves: 'primary | moves_accommodation | young_person_or_family | reported | Five house moves and three primary schools by the age of ten.',
      engines:
        'age 13 | strengths_achievements | young_person_or_family | reported | Helps his uncle repair cars at weekends and can strip down a small engine.',
      offence: '2026-03-14 | police_justice | police | confirmed | Arrested after taking a neighbour’s car; no one was hurt.',
    })
    .withdraw(
      '2026-07-06 15:30',
      'yjs-kate',
      'parent_carer',
      'phone',
      'His father, now home, withdrew agreement: he feels the family has too many professionals involved. The young person still wants to take part; the YJS worker will talk with his father again in the autumn.',
    );
}

export function southGlosDeclinedAndClosed(run: DemoRun): void {
  new CaseStory(run, 'SGL', 'declined and closed')
    .refer('2026-03-23 10:30', 'yjs-kate', {
      childName: 'Casey Dunmore',
      dateOfBirth: '2010-11-05',
      order: ['2026-03-09', '2027-03-08'],
      reason:
        'Fifteen-year-old on a 12-month Youth Rehabilitation Order for burglary. Witnessed domestic abuse; his mother has long-term health problems. His YJS worker thinks a formulation would help the team understand how withdrawn he has become.',
    })
    .agree('2026-03-30 12:00', 'yjs-kate', 'parent_carer', 'phone')
    .decline(
      '2026-04-01 16:00',
      'yjs-kate',
      'young_person',
      'in_person',
      'Fifteen. Clearly understood what ECM involves and said he does not want his life written down. Competent to decide; his decision is respected.',
    )
    .close(
      '2026-04-08 10:00',
      'ecm-sam',
      'agreement_declined',
      'He declined after two conversations. The YJS continues the order as usual, and he knows he can ask for ECM later.',
    );
}
