import { CaseStory } from '../caseStory.js';
import type { DemoRun } from '../demoRun.js';
import { type DemoFormulation, rec } from '../storyParts.js';

/**
 * FICTIONAL DEMO DATA — two more Bristol cases: one whose formulation the psychologist is still
 * writing after the formulation meeting, and one referred this week. Every person and event is invented.
 */
export function bristolFormulationInProgress(run: DemoRun): void {
  const c = new CaseStory(run, 'BRI', 'formulation draft in progress');
  c.refer('2026-09-07 11:15', 'yjs-amy', {
    childName: 'Kayla Mensah',
    dateOfBirth: '2012-02-03',
    order: ['2026-08-24', '2027-08-23'],
    reason:
      'Fourteen-year-old on a 12-month Referral Order for assaulting a residential worker. Entered care at twelve after long-standing neglect; three placement moves in eighteen months. Strongly attached to her younger brother.',
    // A looked-after child: under 16 on a care order, the local authority agrees through her social worker.
    legalStatus: 'care_order',
    parentalResponsibility: 'Bristol City Council under a care order, shared with her mother',
  })
    .agree(
      '2026-09-14 15:30',
      'yjs-amy',
      'young_person',
      'in_person',
      'Fourteen. Understood after a second conversation with her key worker present; wants contact with her brother protected. Competent to agree.',
    )
    .agree('2026-09-14 17:00', 'yjs-amy', 'local_authority', 'phone')
    .invite('2026-09-15 10:00', 'ecm-priya', 'ecm-priya', 'psy-tom', 'sw-mark', 'school-ruth')
    .accept('2026-09-16 09:10', 'sw-mark')
    .accept('2026-09-21 13:25', 'school-ruth')
    .addEntries('2026-09-23 14:00', 'sw-mark', {
      alcohol:
        'pregnancy | parental_adversity | social_care | reported | The pre-birth assessment records heavy alcohol use by her mother during the pregnancy.',
      cin: 'infancy | abuse_neglect | social_care | confirmed | Referred at ten months after health visitor concerns about weight and home conditions; Child in Need plan.',
      brother: '2015 | home_family | social_care | confirmed | Her younger brother was born; she took on caring tasks for him from an early age.',
      cp: '2020-03 | abuse_neglect | social_care | confirmed | Child Protection plan for neglect; her school place was kept open through the lockdown.',
      care: '2024-03-04 | care_placements | social_care | confirmed | Became looked after with her brother under a care order; placed together with foster carers.',
      separated:
        '2024-08 | care_placements | social_care | confirmed | The foster placement ended; she moved to a children’s home and was separated from her brother.',
      secondHome: '2025-05 | care_placements | social_care | confirmed | Moved to a second children’s home after conflict with another resident.',
      contact: '2025 | positive_relationships | social_care | confirmed | Has kept up weekly contact with her brother throughout and rarely misses it.',
    })
    .addEntries('2026-09-25 12:30', 'school-ruth', {
      reading:
        'age 7 | strengths_achievements | education | confirmed | Won her primary school’s reading award; teachers describe her as bright and determined.',
      year7: '2023-09 | education | education | confirmed | Started secondary school with good attendance in Year 7.',
      netball: '2026-09 | strengths_achievements | education | confirmed | Joined the school netball team and has been to every practice.',
    })
    .addEntries('2026-09-28 10:40', 'yjs-amy', {
      born: '2012-02-03 | pregnancy_birth | health | confirmed | Born at full term; stayed in hospital for five days for observation.',
      missing: '2025-11 | exploitation_missing | police | confirmed | Missing twice from the children’s home; returned within a day each time.',
      assault: '2026-06-18 | police_justice | police | confirmed | Arrested after assaulting a residential worker during an argument about phone use.',
      order: '2026-08-24 | police_justice | youth_justice | confirmed | Youth court made a 12-month Referral Order.',
    });

  c.meeting('formulation', {
    kind: 'formulation',
    by: 'ecm-priya',
    scheduledOn: '2026-10-14 09:30',
    at: '2026-11-11 13:30',
    minutes: 120,
    location: 'Microsoft Teams',
    attendees: ['ecm-priya', 'psy-tom', 'yjs-amy', 'sw-mark', 'school-ruth'],
    responses: { 'psy-tom': 'accepted', 'yjs-amy': 'accepted', 'sw-mark': 'accepted', 'school-ruth': 'declined' },
    outcome: {
      by: 'ecm-priya',
      summary:
        'Timeline built with social care and YJS; school sent its entries beforehand. The team agreed that stability and one trusted adult come before anything else, and that contact with her brother must be protected.',
      replan: 'Psychologist to draft the formulation. Social worker to confirm the children’s home placement is planned long term.',
      nextReviewWeeks: 12,
    },
    trm: {
      by: 'psy-tom',
      level: 1.5,
      rationale: 'Her placement has been settled for six months but she expects adults to leave; between a safe base and trust.',
    },
  });

  const first: DemoFormulation = {
    summary:
      'A 14-year-old girl who has lived with neglect since infancy and has been in care since twelve. Three moves in eighteen months separated her from her younger brother, whom she has cared for since she was small. She is bright, determined and loyal.',
    hypotheses: [
      {
        id: 'h1',
        domain: 'relationships',
        text: 'Repeated endings with carers may have taught her that adults leave; she may push adults away before they can leave her.',
        evidence: ['care', 'separated', 'secondHome'],
      },
      {
        id: 'h2',
        domain: 'triggers',
        text: 'Rules that feel like losing control, such as taking away her phone, her link to her brother, may feel like another loss and trigger aggression.',
        evidence: ['assault', 'contact'],
      },
    ],
  };
  c.draft('2026-11-16 10:00', 'psy-tom', first)
    .update('2026-11-20 15:45', 'psy-tom', {
      ...first,
      strengths: 'Bright, determined and loyal; a protective older sister; commits fully to things she chooses, such as netball.',
      needs: 'Possible effects of prenatal alcohol exposure not yet assessed; needs predictable adults and warning of any change.',
    })
    .update('2026-11-25 16:10', 'psy-tom', {
      ...first,
      strengths: 'Bright, determined and loyal; a protective older sister; commits fully to things she chooses, such as netball.',
      needs: 'Possible effects of prenatal alcohol exposure not yet assessed; needs predictable adults and warning of any change.',
      recommendations: [
        rec('r1', 1, 1, 'Confirm her placement as long term and tell her so, in writing and in person.'),
        rec('r2', 2, 2, 'One key worker at the children’s home and her YJS worker meet her together fortnightly.', true),
        rec('r3', 3, 2, 'Protect weekly contact with her brother in every plan; it is never used as a sanction.', true),
      ],
    });
}

export function bristolJustReferred(run: DemoRun): void {
  new CaseStory(run, 'BRI', 'just referred').refer('2026-11-25 14:20', 'yjs-amy', {
    childName: 'Ellis Crane',
    dateOfBirth: '2011-04-22',
    order: ['2026-11-16', '2027-11-15'],
    reason:
      'Fifteen-year-old on a 12-month Youth Rehabilitation Order for possession of a bladed article. Witnessed domestic abuse when younger; his older brother died this year. His mother supports the referral.',
  });
}
