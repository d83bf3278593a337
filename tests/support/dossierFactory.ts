import { DEMO_SERVICES } from '../../src/demo/people.js';
import { addDays, addMonths } from '../../src/domain/dates.js';
import type { Formulation } from '../../src/domain/formulation.js';
import type { Meeting } from '../../src/domain/meeting.js';
import type { TeamMember } from '../../src/domain/team.js';
import { compareLifeOrder, lifeStageOf, spanOf, type EntryWhen, type TimelineEntry } from '../../src/domain/timeline.js';
import type { TrmPlacement } from '../../src/domain/trm.js';
import type { CaseDossier } from '../../src/documents/dossier.js';

/**
 * A case's dossier built in memory, for document tests and the benchmark: a child born 2011-05-14,
 * `entries` timeline entries spread over their life, an approved formulation v1 whose hypotheses
 * cite entries, two TRM placements, a team, and a held review meeting.
 */
export const CHILD_NAME = 'Jordan Testperson';
export const CHILD_DOB = '2011-05-14';

const uuid = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const CATEGORIES = ['pregnancy_birth', 'home_family', 'education', 'police_justice', 'positive_relationships', 'strengths_achievements', 'loss_bereavement'];

function when(i: number, total: number): EntryWhen {
  const day = addDays('2010-09-01', Math.floor((i / Math.max(total, 1)) * 5700));
  switch (i % 5) {
    case 0:
      return { precision: 'day', date: day };
    case 1:
      return { precision: 'month', month: day.slice(0, 7) };
    case 2:
      return { precision: 'year', year: Number(day.slice(0, 4)) };
    case 3:
      return { precision: 'age', age: Math.min(15, Math.max(0, Number(day.slice(0, 4)) - 2011)) };
    default:
      return { precision: 'lifeStage', lifeStage: i % 2 ? 'primary' : 'pregnancy' };
  }
}

export function timelineOf(count: number, caseId = uuid(1, 1)): TimelineEntry[] {
  const entries = Array.from({ length: count }, (_, i): TimelineEntry => {
    const w = when(i, count);
    const span = spanOf(w, CHILD_DOB);
    return {
      id: uuid(2, i + 1),
      caseId,
      when: w,
      category: CATEGORIES[i % CATEGORIES.length] as string,
      sourceAgency: (['education', 'police', 'social_care', 'health'] as const)[i % 4]!,
      confidence: (['confirmed', 'reported', 'unverified'] as const)[i % 3]!,
      description:
        i === 1
          ? `${CHILD_NAME.split(' ')[0]} moved in with an aunt after a family crisis.`
          : `Entry ${i + 1}: something that happened, told by the agency that holds it.`,
      span,
      lifeStage: lifeStageOf(w, CHILD_DOB),
      contributorId: 'yjs-amy',
      contributorName: 'Amy Clarke',
      createdAt: addDays('2026-10-01', i % 30) + 'T10:00:00.000Z',
      updatedAt: '2026-10-01T10:00:00.000Z',
      version: 1,
      retraction: null,
      restriction: null,
    };
  });
  return entries.sort(compareLifeOrder);
}

export function dossierWith(entries = 40): CaseDossier {
  const caseId = uuid(1, 1);
  const timeline = timelineOf(entries, caseId);
  const cite = (k: number) =>
    timeline
      .filter((_, i) => i % k === 0)
      .slice(0, 3)
      .map((e) => e.id);
  const formulation: Formulation = {
    id: uuid(3, 1),
    caseId,
    number: 1,
    status: 'approved',
    content: {
      summary: `${CHILD_NAME} is fifteen. Jordan's early years were marked by moves between relatives.\n\nAt school Jordan found a steady adult in a teaching assistant.`,
      hypotheses: [
        { id: 'h1', domain: 'behaviours', text: 'Aggression when cornered may be a learned way of keeping safe.', evidence: cite(3) },
        { id: 'h2', domain: 'relationships', text: 'Trust in adults is fragile after repeated losses.', evidence: cite(5) },
      ],
      fivePs: {
        presenting: 'Violence towards peers.',
        predisposing: 'Early loss.',
        precipitating: '',
        perpetuating: '',
        protective: 'A steady teaching assistant.',
      },
      strengths: 'Loyal to friends; a talented artist.',
      needs: 'Speech and language assessment recommended; processes spoken instructions slowly.',
      recommendations: [
        { id: 'r3', text: 'Art-based group at the youth club.', trmLevel: 4, sequence: 1, relationshipBased: false },
        { id: 'r1', text: 'The same worker at the same time each week.', trmLevel: 2, sequence: 2, relationshipBased: true },
        { id: 'r2', text: 'Help the family with stable housing.', trmLevel: 1, sequence: 1, relationshipBased: false },
      ],
      views: 'He said the part about his nan was right.',
      youthFriendly: {
        summary: 'You have moved home a lot, and that has been hard.',
        hypotheses: 'When you feel trapped, you fight back to keep yourself safe. That makes sense, and we want to help you feel safe in other ways.',
        strengths: 'You are a loyal friend and a really good artist.',
        needs: 'Sometimes people talk too fast. It helps when they slow down and write things down.',
        recommendations: 'You will see the same worker every week. Later, you could join an art group.',
      },
    },
    createdBy: 'psy-helen',
    updatedBy: 'psy-helen',
    updatedAt: '2026-11-20T12:00:00.000Z',
    approvedBy: 'psy-helen',
    approvedByName: 'Dr Helen Marsh',
    approvedAt: '2026-11-20T12:00:00.000Z',
    version: 3,
  };
  const member = (staffId: string, name: string, agency: TeamMember['agency'], caseRole: TeamMember['caseRole']): TeamMember => ({
    caseId,
    staffId,
    name,
    agency,
    caseRole,
    invitedBy: 'yjs-amy',
    invitedAt: '2026-10-01T10:00:00.000Z',
    invitationExpiresAt: '2026-10-31T10:00:00.000Z',
    termsAcceptedAt: caseRole === 'partner' ? '2026-10-02T10:00:00.000Z' : null,
    termsVersion: caseRole === 'partner' ? '2026-1' : null,
  });
  const team = [
    member('yjs-amy', 'Amy Clarke', 'youth_justice', 'case_holder'),
    member('psy-helen', 'Dr Helen Marsh', 'health', 'psychologist'),
    member('police-jo', 'PC Jo Harris', 'police', 'partner'),
  ];
  const placement = (n: number, level: number, effectiveDate: string, meetingId: string | null): TrmPlacement => ({
    id: uuid(4, n),
    caseId,
    level,
    rationale: `Level ${level} because Jordan needs it.`,
    effectiveDate,
    meetingId,
    placedBy: 'psy-helen',
    placedByName: 'Dr Helen Marsh',
    placedAt: `${effectiveDate}T15:00:00.000Z`,
  });
  const review: Meeting = {
    id: uuid(5, 2),
    caseId,
    kind: 'review',
    startsAt: '2027-02-12T10:00:00.000Z',
    endsAt: '2027-02-12T11:00:00.000Z',
    location: null,
    organiserId: 'ecm-sam',
    attendees: [
      { staffId: 'yjs-amy', name: 'Amy Clarke', response: 'accepted', respondedAt: null },
      { staffId: 'ecm-sam', name: 'Sam Okafor', response: 'accepted', respondedAt: null },
    ],
    status: 'held',
    joinUrl: null,
    externalId: null,
    chatId: null,
    startedAt: null,
    endedAt: null,
    outcome: {
      summary: 'Jordan has kept every weekly session.',
      // Recorded before reviews worked through the plan's actions: progress by recommendation.
      actionProgress: [],
      newActions: [],
      recommendationProgress: [
        { recommendationId: 'r1', status: 'achieved', note: 'Weekly sessions held.' },
        { recommendationId: 'r2', status: 'in_progress', note: '' },
      ],
      replan: 'Start the art group next month.',
      nextReviewDue: addMonths('2027-02-12', 3).slice(0, 8) + '01',
      recordedBy: 'ecm-sam',
      recordedAt: '2027-02-12T12:00:00.000Z',
    },
    version: 2,
  };
  return {
    case: {
      id: caseId,
      reference: 'BRI-2026-0042',
      serviceId: 'BRI',
      pathway: 'statutory_ecm',
      status: 'active',
      childName: CHILD_NAME,
      childDateOfBirth: CHILD_DOB,
      referredAt: '2026-09-20T10:00:00.000Z',
      closedAt: null,
    },
    service: DEMO_SERVICES[0]!,
    timeline,
    formulations: [formulation],
    placements: [placement(1, 2, '2026-11-20', null), placement(2, 2.5, '2027-02-12', review.id)],
    team,
    meetings: [review],
    today: '2027-02-13',
  };
}
