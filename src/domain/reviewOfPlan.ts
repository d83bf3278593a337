import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates.js';
import { ruleViolation } from './errors.js';
import type { ActionOwner, PlanAction } from './planAction.js';
import type { Problem } from './problems.js';
import { AGENCIES, staffIdSchema } from './staff.js';
import type { TeamMember } from './team.js';
import { plainText } from './text.js';
import { trmLevelSchema } from './trm.js';

/**
 * A review works through the plan: for each action, what happened since, what stood in the way and
 * whether to continue, change or stop it; then the re-plan (new actions with their owners). The
 * meeting's outcome keeps what was said, and the plan's actions change with it in the same unit of
 * work, so the plan is never behind what the team agreed.
 */
export const REVIEW_DECISIONS = ['continue', 'change', 'stop'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Where an action stands at the review; stopping is a decision, said with why. */
export const STANDING_AT_REVIEW = ['planned', 'under_way', 'done'] as const;

const dueBySchema = z.string().refine(isIsoDate, 'is a date such as 2026-03-09');

export const actionReviewSchema = z
  .object({
    actionId: z.string().min(1).max(64),
    status: z.enum(STANDING_AT_REVIEW),
    happened: plainText(2000, 0).default(''),
    barriers: plainText(2000, 0).default(''),
    decision: z.enum(REVIEW_DECISIONS),
    stoppedBecause: plainText(2000).optional(),
    /** Only when the team changes the action: a member of the case team, or null to leave it with `ownerAgency`. */
    ownerId: staffIdSchema.nullable().optional(),
    ownerAgency: z.enum(AGENCIES).optional(),
    dueBy: dueBySchema.nullable().optional(),
  })
  .strict()
  .refine((r) => r.decision !== 'stop' || r.stoppedBecause !== undefined, { message: 'say why the action stops', path: ['stoppedBecause'] })
  .refine((r) => r.stoppedBecause === undefined || r.decision === 'stop', { message: 'only an action that stops says why', path: ['stoppedBecause'] })
  .refine((r) => r.status !== 'done' || r.decision === 'continue', { message: 'a done action is neither changed nor stopped', path: ['decision'] })
  .refine((r) => r.decision === 'change' || (r.ownerId === undefined && r.ownerAgency === undefined && r.dueBy === undefined), {
    message: 'a new owner or “by when” is a change: choose Change',
    path: ['decision'],
  })
  .refine((r) => r.decision !== 'change' || r.ownerId !== undefined || r.ownerAgency !== undefined || r.dueBy !== undefined, {
    message: 'say what changes: a new owner or “by when”',
    path: ['decision'],
  })
  .refine((r) => !(r.ownerId && r.ownerAgency), { message: 'name a person or an agency as owner, not both', path: ['ownerAgency'] });
export type ActionReview = z.infer<typeof actionReviewSchema>;

export const newActionSchema = z
  .object({
    text: plainText(2000),
    trmLevel: trmLevelSchema,
    relationshipBased: z.boolean().default(false),
    ownerId: staffIdSchema.optional(),
    ownerAgency: z.enum(AGENCIES).optional(),
    dueBy: dueBySchema.nullable().default(null),
  })
  .strict()
  .refine((a) => !(a.ownerId && a.ownerAgency), { message: 'name a person or an agency as owner, not both', path: ['ownerAgency'] });
export type NewAction = z.infer<typeof newActionSchema>;

/** The outcome's fields for the plan, spread into the meeting outcome's schema. */
export const reviewOfPlanFields = {
  actionProgress: z
    .array(actionReviewSchema)
    .max(100)
    .default([])
    .refine((list) => new Set(list.map((r) => r.actionId)).size === list.length, 'says how each action went once'),
  newActions: z.array(newActionSchema).max(20).default([]),
};
export type ReviewOfPlan = { actionProgress: ActionReview[]; newActions: NewAction[] };

/** The plan as it stood, one line per action: what the review record shows before and after. */
export type PlanLine = Pick<PlanAction, 'id' | 'sequence' | 'text' | 'trmLevel' | 'owner' | 'dueBy' | 'status' | 'stoppedBecause'>;
export const planLine = (a: PlanAction): PlanLine => ({
  id: a.id,
  sequence: a.sequence,
  text: a.text,
  trmLevel: a.trmLevel,
  owner: a.owner,
  dueBy: a.dueBy,
  status: a.status,
  stoppedBecause: a.stoppedBecause,
});

/** The plan as the meeting found it and as it left it, kept with the outcome for its record. */
export interface PlanAtReview {
  before: PlanLine[];
  after: PlanLine[];
}

/** What the review changes, before it is stored: every problem at once, in the form's fields. */
export interface PlanReplan {
  changed: PlanAction[];
  added: PlanAction[];
}

export interface ReplanContext {
  actions: PlanAction[];
  team: ReadonlyMap<string, Pick<TeamMember, 'staffId' | 'name' | 'agency'>>;
  /** The day the current formulation was approved, or null while there is no approved plan. */
  approvedOn: IsoDate | null;
  meetingId: string;
  /** Stamps an action as changed by this review (who, when, next version). */
  touch: (a: PlanAction) => PlanAction;
  /** Makes an action the review adds, at its place after the plan's last. */
  make: (n: NewAction, owner: ActionOwner, sequence: number) => PlanAction;
}

// The same rule as a single action's "by when" (assertDueAfterApproval), said beside the field.
const problemsOfDue = (dueBy: IsoDate | null | undefined, approvedOn: IsoDate | null, path: string): Problem[] =>
  dueBy && approvedOn && dueBy < approvedOn ? [{ path, message: `must be on or after ${approvedOn}, the day the formulation was approved` }] : [];

/**
 * The plan after the review. Refused as a whole (nothing changes) when progress names an action the
 * plan does not hold or one already finished, an owner is not on the case team, or a "by when"
 * falls before the formulation's approval.
 */
export function planAfterReview(review: ReviewOfPlan, ctx: ReplanContext): PlanReplan {
  const problems: Problem[] = [];
  const byId = new Map(ctx.actions.map((a) => [a.id, a]));
  const ownerOf = (ownerId: string | null | undefined, ownerAgency: string | undefined, fallback: ActionOwner, path: string): ActionOwner => {
    if (ownerId) {
      const member = ctx.team.get(ownerId);
      if (member) return { kind: 'person', staffId: member.staffId, name: member.name, agency: member.agency };
      problems.push({ path: `${path}.ownerId`, message: 'must be a member of the case team: invite them to the team first' });
      return fallback;
    }
    if (ownerId === null || ownerAgency) return { kind: 'agency', agency: (ownerAgency as ActionOwner['agency']) ?? fallback.agency };
    return fallback;
  };

  const changed: PlanAction[] = [];
  review.actionProgress.forEach((r, i) => {
    const path = `actionProgress.${i}`;
    const current = byId.get(r.actionId);
    if (!current) return problems.push({ path: `${path}.actionId`, message: 'is not an action of this plan' });
    if (current.status === 'done' || current.status === 'stopped') {
      return problems.push({ path: `${path}.actionId`, message: 'is already finished: it needs no progress' });
    }
    problems.push(...problemsOfDue(r.dueBy, ctx.approvedOn, `${path}.dueBy`));
    const owner = ownerOf(r.ownerId, r.ownerAgency, current.owner, path);
    const next: PlanAction = {
      ...current,
      owner,
      dueBy: r.dueBy === undefined ? current.dueBy : r.dueBy,
      status: r.decision === 'stop' ? 'stopped' : r.status,
      stoppedBecause: r.decision === 'stop' ? (r.stoppedBecause ?? null) : null,
    };
    const same =
      next.status === current.status &&
      next.dueBy === current.dueBy &&
      JSON.stringify(next.owner) === JSON.stringify(current.owner) &&
      next.stoppedBecause === current.stoppedBecause;
    if (!same) changed.push(ctx.touch(next));
  });

  if (review.newActions.length && ctx.approvedOn === null) {
    problems.push({ path: 'newActions', message: 'start once the formulation is approved: the plan begins with it' });
  }
  let last = Math.max(0, ...ctx.actions.map((a) => a.sequence));
  const added = review.newActions.map((n, i) => {
    const path = `newActions.${i}`;
    problems.push(...problemsOfDue(n.dueBy, ctx.approvedOn, `${path}.dueBy`));
    const owner = ownerOf(n.ownerId, n.ownerAgency, { kind: 'agency', agency: n.ownerAgency ?? 'ecm_team' }, path);
    return ctx.make(n, owner, ++last);
  });

  if (problems.length) throw ruleViolation('The review of the plan cannot be recorded as it stands.', problems);
  return { changed, added };
}
