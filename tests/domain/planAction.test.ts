import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/domain/formulation.js';
import {
  assertDueAfterApproval,
  inTrmOrder,
  isOverdue,
  type PlanAction,
  planActionChangeSchema,
  planAfterApproval,
  UNNAMED_OWNER,
} from '../../src/domain/planAction.js';

const rec = (id: string, trmLevel: number, sequence: number, relationshipBased = false): Recommendation => ({
  id,
  text: `Recommendation ${id}.`,
  trmLevel,
  sequence,
  relationshipBased,
});

const action = (r: Recommendation, place: number, over: Partial<PlanAction> = {}): PlanAction => ({
  id: `a-${r.id}`,
  caseId: 'case-1',
  recommendationId: r.id,
  formulationNumber: 1,
  text: r.text,
  trmLevel: r.trmLevel,
  relationshipBased: r.relationshipBased,
  sequence: place,
  owner: UNNAMED_OWNER,
  dueBy: null,
  status: 'planned',
  stoppedBecause: null,
  updatedBy: 'psy-helen',
  updatedByName: 'Dr Helen Marsh',
  updatedAt: '2026-11-27T10:00:00.000Z',
  version: 1,
  addedAtMeetingId: null,
  ...over,
});

describe('the plan’s order', () => {
  it('follows the TRM: lower levels first, relationship-based work first within a level, then the psychologist’s sequence', () => {
    const order = inTrmOrder([rec('art', 2, 1), rec('worker', 1, 5), rec('mentor', 2, 3, true), rec('college', 5, 1)]);
    expect(order.map((r) => [r.place, r.id])).toEqual([
      [1, 'worker'],
      [2, 'mentor'],
      [3, 'art'],
      [4, 'college'],
    ]);
  });
});

describe('the plan after an approval', () => {
  const make = (r: Recommendation, place: number) => action(r, place, { id: `new-${r.id}` });
  const touch = (a: PlanAction) => ({ ...a, version: a.version + 1 });

  it('adds an action for each new recommendation', () => {
    const { added, changed } = planAfterApproval([], [rec('a', 1, 1), rec('b', 2, 1)], 1, make, touch);
    expect(added.map((a) => [a.recommendationId, a.sequence])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(changed).toEqual([]);
  });

  it('keeps an existing action’s owner, date and status while taking the new wording and place', () => {
    const owned = action(rec('a', 1, 1), 1, {
      owner: { kind: 'person', staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police' },
      dueBy: '2026-12-11',
      status: 'under_way',
    });
    const { changed } = planAfterApproval([owned], [{ ...rec('a', 1.5, 1), text: 'Reworded.' }], 2, make, touch);
    expect(changed).toEqual([{ ...owned, text: 'Reworded.', trmLevel: 1.5, formulationNumber: 2, version: 2 }]);
  });

  it('stops an open action whose recommendation was dropped, saying why, and leaves finished ones be', () => {
    const open = action(rec('a', 1, 1), 1);
    const done = action(rec('b', 1, 2), 2, { status: 'done' });
    const { changed } = planAfterApproval([open, done], [], 3, make, touch);
    expect(changed).toEqual([{ ...open, status: 'stopped', stoppedBecause: 'No longer in version 3 of the formulation.', version: 2 }]);
  });
});

describe('changing an action', () => {
  it('a stopped action must say why, and only a stopped one does', () => {
    expect(planActionChangeSchema.safeParse({ status: 'stopped' }).success).toBe(false);
    expect(planActionChangeSchema.safeParse({ status: 'done', stoppedBecause: 'No.' }).success).toBe(false);
    expect(planActionChangeSchema.safeParse({ status: 'stopped', stoppedBecause: 'Moved away.' }).success).toBe(true);
  });
  it('names a person or an agency, not both, and says what changes', () => {
    expect(planActionChangeSchema.safeParse({ ownerId: 'police-jo', ownerAgency: 'police' }).success).toBe(false);
    expect(planActionChangeSchema.safeParse({}).success).toBe(false);
  });
  it('a "by when" before the approval is refused; the day itself is allowed', () => {
    expect(() => assertDueAfterApproval('2026-11-26', '2026-11-27')).toThrow(/on or after 2026-11-27/);
    expect(() => assertDueAfterApproval('2026-11-27', '2026-11-27')).not.toThrow();
    expect(() => assertDueAfterApproval(null, '2026-11-27')).not.toThrow();
  });
  it('an unfinished action past its date is overdue; a finished one never is', () => {
    expect(isOverdue({ status: 'under_way', dueBy: '2026-11-26' }, '2026-11-27')).toBe(true);
    expect(isOverdue({ status: 'done', dueBy: '2026-11-26' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ status: 'planned', dueBy: null }, '2026-11-27')).toBe(false);
  });
});
