import { describe, expect, it } from 'vitest';
import { overdueByAgency } from '../../src/domain/overdueActions.js';
import type { PlanAction } from '../../src/domain/planAction.js';

const action = (id: string, over: Partial<PlanAction>): PlanAction => ({
  id,
  caseId: 'c',
  recommendationId: id,
  formulationNumber: 1,
  text: 'x',
  trmLevel: 2,
  relationshipBased: false,
  sequence: 1,
  owner: { kind: 'agency', agency: 'ecm_team' },
  dueBy: '2026-11-01',
  status: 'planned',
  stoppedBecause: null,
  updatedBy: 'ecm-sam',
  updatedByName: 'Sam Okafor',
  updatedAt: '2026-10-01T10:00:00.000Z',
  version: 1,
  addedAtMeetingId: null,
  ...over,
});

describe('actions overdue by agency', () => {
  it('counts unfinished actions past their date by the agency holding them, a named owner for their agency, most first', () => {
    const jo = { kind: 'person' as const, staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police' as const };
    const rows = overdueByAgency(
      [
        {
          caseId: 'c1',
          reference: 'BRI-2026-0002',
          actions: [
            action('a1', { owner: jo }),
            action('a2', { owner: { kind: 'agency', agency: 'police' }, status: 'under_way' }),
            action('a3', { status: 'done' }),
            action('a4', { status: 'stopped' }),
            action('a5', { dueBy: '2026-11-27' }),
            action('a6', { dueBy: null }),
          ],
        },
        { caseId: 'c2', reference: 'BRI-2026-0001', actions: [action('b1', { owner: jo }), action('b2', { owner: { kind: 'agency', agency: 'education' } })] },
      ],
      '2026-11-27',
    );
    expect(rows).toEqual([
      {
        agency: 'police',
        overdue: 3,
        cases: [
          { caseId: 'c2', reference: 'BRI-2026-0001' },
          { caseId: 'c1', reference: 'BRI-2026-0002' },
        ],
      },
      { agency: 'education', overdue: 1, cases: [{ caseId: 'c2', reference: 'BRI-2026-0001' }] },
    ]);
  });
});
