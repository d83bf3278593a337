import type { Case } from '../../domain/case.js';
import type { Meeting, MeetingOutcome } from '../../domain/meeting.js';
import type { PlanAction } from '../../domain/planAction.js';
import { type PlanAtReview, planAfterReview, planLine } from '../../domain/reviewOfPlan.js';
import type { Principal } from '../../domain/staff.js';
import type { TeamMember } from '../../domain/team.js';
import { assertAllowed } from '../access.js';
import { savePlanAction } from '../plan/savePlanAction.js';
import type { Work } from '../unitOfWork.js';

/**
 * Works the meeting's review through the plan in the outcome's unit of work: progress and decisions
 * change the actions, the re-plan adds new ones, each audited and announced on the case's stream.
 * Returns the plan before and after, kept with the outcome for the review record; nothing when the
 * case has no plan and the meeting added none.
 */
export async function reviewThePlan(
  w: Work,
  person: Principal,
  c: Case,
  membership: TeamMember | null,
  meeting: Pick<Meeting, 'id'>,
  outcome: MeetingOutcome,
): Promise<PlanAtReview | undefined> {
  const actions = await w.tx.actions.list(c.id);
  if (!actions.length && !outcome.newActions.length && !outcome.actionProgress.length) return undefined;
  const approved =
    (await w.tx.formulations.list(c.id))
      .filter((f) => f.approvedAt)
      .sort((a, b) => a.number - b.number)
      .at(-1) ?? null;
  const team = new Map((await w.tx.team.list(c.id)).map((m) => [m.staffId, m]));
  const stamp = { updatedBy: person.staffId, updatedByName: person.name, updatedAt: w.now };
  const { changed, added } = planAfterReview(outcome, {
    actions,
    team,
    approvedOn: approved?.approvedAt ? approved.approvedAt.slice(0, 10) : null,
    meetingId: meeting.id,
    touch: (a) => ({ ...a, ...stamp, version: a.version + 1 }),
    make: (n, owner, sequence): PlanAction => {
      const id = w.newId();
      return {
        id,
        caseId: c.id,
        recommendationId: id,
        formulationNumber: approved?.number ?? 1,
        text: n.text,
        trmLevel: n.trmLevel,
        relationshipBased: n.relationshipBased,
        sequence,
        owner,
        dueBy: n.dueBy,
        status: 'planned',
        stoppedBecause: null,
        ...stamp,
        version: 1,
        addedAtMeetingId: meeting.id,
      };
    },
  });
  const moves = changed.some((a) => {
    const before = actions.find((b) => b.id === a.id);
    return before && (before.dueBy !== a.dueBy || JSON.stringify(before.owner) !== JSON.stringify(a.owner));
  });
  if (moves || added.length) assertAllowed(person, 'action.assign', c, membership);

  for (const a of changed) await savePlanAction(w, c, a, a.version - 1, 'action.reviewed');
  for (const a of added) await savePlanAction(w, c, a, null, 'action.planned');
  const after = new Map([...actions, ...changed, ...added].map((a) => [a.id, a]));
  return { before: actions.map(planLine), after: [...after.values()].sort((a, b) => a.sequence - b.sequence).map(planLine) };
}
