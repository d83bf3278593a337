import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears } from '../../src/domain/dates.js';
import { type TransitionPlan, transitionDue, transitionPlanProblems, transitionPlanSchema } from '../../src/domain/transitionPlan.js';

const today = '2026-11-27';

describe('moving on to adult services', () => {
  it('is due from the 17th birthday until the 18th', () => {
    expect(transitionDue(addYears(today, -17), today)).toBe(true);
    expect(transitionDue(addDays(addYears(today, -17), 1), today)).toBe(false);
    expect(transitionDue(addDays(addYears(today, -18), 1), today)).toBe(true);
    expect(transitionDue(addYears(today, -18), today)).toBe(false);
  });

  it('a plan names an adult service from the list, says which when it is "other", and names one keeper per relationship', () => {
    const parsed = transitionPlanSchema.safeParse({
      joining: [
        { service: 'other', joinBy: today },
        { service: 'housing', joinBy: today },
      ],
      relationships: [{ relationship: 'Youth club', keptById: 'yjs-amy', keptByAgency: 'youth_club', until: today }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['joining.0.detail', 'say which service joins'],
        ['joining.1.service', 'choose an adult service from the list'],
        ['relationships.0.keptById', 'name one member of the team or one agency who keeps it going'],
      ]),
    );
  });

  it('dates fall from the day the plan is written to 24 months on; a date already in the plan stays once it has passed', () => {
    const input = {
      joining: [
        { service: 'probation', joinBy: addDays(today, -1) },
        { service: 'probation', joinBy: addMonths(today, 24) },
        { service: 'other', detail: 'Housing', joinBy: addDays(addMonths(today, 24), 1) },
        { service: 'other', detail: ' housing', joinBy: today },
      ],
      relationships: [{ relationship: 'Mentor', keptByAgency: 'mentoring', until: addDays(today, -10) }],
    };
    expect(transitionPlanProblems(input, today, null)).toEqual([
      { path: 'joining.0.joinBy', message: `must be on or after ${today}, the day the plan is written` },
      { path: 'joining.1.service', message: 'is named already: each service joins once' },
      { path: 'joining.2.joinBy', message: `must be within 24 months, by ${addMonths(today, 24)} at the latest` },
      { path: 'joining.3.service', message: 'is named already: each service joins once' },
      { path: 'relationships.0.until', message: `must be on or after ${today}, the day the plan is written` },
    ]);
    const kept = { joining: [{ service: 'probation', detail: null, joinBy: addDays(today, -1) }], relationships: [] } as unknown as TransitionPlan;
    expect(transitionPlanProblems({ joining: [input.joining[0]], relationships: [] }, today, kept)).toEqual([]);
    expect(transitionPlanProblems('not a plan', today, null)).toEqual([]);
  });
});
