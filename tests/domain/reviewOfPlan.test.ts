import { describe, expect, it } from 'vitest';
import { type PlanAction, UNNAMED_OWNER } from '../../src/domain/planAction.js';
import { actionReviewSchema, planAfterReview, type ReplanContext } from '../../src/domain/reviewOfPlan.js';

const action = (id: string, sequence: number, over: Partial<PlanAction> = {}): PlanAction => ({
  id,
  caseId: 'case-1',
  recommendationId: `r-${id}`,
  formulationNumber: 1,
  text: `Action ${id}.`,
  trmLevel: 2,
  relationshipBased: false,
  sequence,
  owner: UNNAMED_OWNER,
  dueBy: null,
  status: 'planned',
  stoppedBecause: null,
  updatedBy: 'ecm-sam',
  updatedByName: 'Sam Okafor',
  updatedAt: '2026-11-27T10:00:00.000Z',
  version: 1,
  addedAtMeetingId: null,
  ...over,
});

const context = (actions: PlanAction[]): ReplanContext => ({
  actions,
  team: new Map([['police-jo', { staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police' as const }]]),
  approvedOn: '2026-11-27',
  meetingId: 'm-1',
  touch: (a) => ({ ...a, version: a.version + 1 }),
  make: (n, owner, sequence) => action(`new-${sequence}`, sequence, { text: n.text, owner, dueBy: n.dueBy, addedAtMeetingId: 'm-1' }),
});

const review = (over: object) => actionReviewSchema.parse({ actionId: 'a1', status: 'under_way', decision: 'continue', ...over });

describe('a review works through the plan', () => {
  it('moves each action on as the team said, and leaves an action nobody changed alone', () => {
    const plan = [action('a1', 1), action('a2', 2, { status: 'under_way' }), action('a3', 3)];
    const { changed, added } = planAfterReview(
      {
        actionProgress: [
          review({ actionId: 'a1', status: 'done' }),
          review({ actionId: 'a2', status: 'under_way' }),
          review({ actionId: 'a3', status: 'planned', decision: 'change', ownerId: 'police-jo', dueBy: '2027-01-10' }),
        ],
        newActions: [],
      },
      context(plan),
    );
    expect(added).toEqual([]);
    expect(changed.map((a) => [a.id, a.status, a.version])).toEqual([
      ['a1', 'done', 2],
      ['a3', 'planned', 2],
    ]);
    expect(changed[1]).toMatchObject({ owner: { kind: 'person', staffId: 'police-jo', agency: 'police' }, dueBy: '2027-01-10' });
  });

  it('a stopped action says why; a new action comes after the plan’s last', () => {
    const plan = [action('a1', 1), action('a2', 2)];
    const { changed, added } = planAfterReview(
      {
        actionProgress: [review({ actionId: 'a2', status: 'planned', decision: 'stop', stoppedBecause: 'The group closed.' })],
        newActions: [{ text: 'Weekly football.', trmLevel: 2, relationshipBased: true, ownerAgency: 'youth_club', dueBy: null }],
      },
      context(plan),
    );
    expect(changed[0]).toMatchObject({ id: 'a2', status: 'stopped', stoppedBecause: 'The group closed.' });
    expect(added[0]).toMatchObject({ sequence: 3, owner: { kind: 'agency', agency: 'youth_club' }, addedAtMeetingId: 'm-1' });
  });

  it('refuses, all problems at once, an owner outside the case team, a “by when” before approval and a finished or unknown action', () => {
    const plan = [action('a1', 1), action('done', 2, { status: 'done' })];
    const attempt = () =>
      planAfterReview(
        {
          actionProgress: [review({ actionId: 'a1', decision: 'change', dueBy: '2026-11-01' }), review({ actionId: 'done' }), review({ actionId: 'nope' })],
          newActions: [{ text: 'Football.', trmLevel: 2, relationshipBased: false, ownerId: 'school-ruth', dueBy: null }],
        },
        context(plan),
      );
    expect(attempt).toThrow(expect.objectContaining({ code: 'rule_violation' }));
    try {
      attempt();
    } catch (e) {
      expect((e as { details: unknown }).details).toEqual([
        { path: 'actionProgress.0.dueBy', message: 'must be on or after 2026-11-27, the day the formulation was approved' },
        { path: 'actionProgress.1.actionId', message: 'is already finished: it needs no progress' },
        { path: 'actionProgress.2.actionId', message: 'is not an action of this plan' },
        { path: 'newActions.0.ownerId', message: 'must be a member of the case team: invite them to the team first' },
      ]);
    }
  });

  it('a decision matches what was said: a done action is not changed, a change says what changes', () => {
    const problems = (input: object) =>
      actionReviewSchema.safeParse({ actionId: 'a1', status: 'under_way', decision: 'continue', ...input }).error?.issues.map((i) => i.message);
    expect(problems({ status: 'done', decision: 'stop', stoppedBecause: 'x' })).toEqual(['a done action is neither changed nor stopped']);
    expect(problems({ decision: 'change' })).toEqual(['say what changes: a new owner or “by when”']);
    expect(problems({ dueBy: '2027-01-01' })).toEqual(['a new owner or “by when” is a change: choose Change']);
  });
});
