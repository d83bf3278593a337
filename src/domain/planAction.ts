import { z } from 'zod';
import { isIsoDate, type Instant, type IsoDate } from './dates.js';
import { ruleViolation } from './errors.js';
import { type Recommendation, sequencedRecommendations } from './formulation.js';
import { AGENCIES, type Agency, staffIdSchema } from './staff.js';
import { plainText } from './text.js';

/**
 * The plan between meetings: each recommendation of an approved formulation becomes an action
 * someone owns, so the team around the child stays accountable until the next review.
 */
export const ACTION_STATUSES = ['planned', 'under_way', 'done', 'stopped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A named member of the case team, or an agency while nobody there is named yet. */
export type ActionOwner = { kind: 'person'; staffId: string; name: string; agency: Agency } | { kind: 'agency'; agency: Agency };

export interface PlanAction {
  id: string;
  caseId: string;
  /** The recommendation this action carries out, and the formulation version that last set its wording. */
  recommendationId: string;
  formulationNumber: number;
  text: string;
  trmLevel: number;
  relationshipBased: boolean;
  /** Its place in the plan, 1 first: the TRM's order, relationship-based help first at each level. */
  sequence: number;
  owner: ActionOwner;
  dueBy: IsoDate | null;
  status: ActionStatus;
  /** Why it stopped; only for a stopped action. */
  stoppedBecause: string | null;
  updatedBy: string;
  updatedByName: string;
  updatedAt: Instant;
  version: number;
  /**
   * The review that added this action to the plan, or null for one carried from a recommendation.
   * An added action has no recommendation: its `recommendationId` is its own id.
   */
  addedAtMeetingId: string | null;
}

/** Until someone is named, the ECM team that wrote the plan holds an action. */
export const UNNAMED_OWNER: ActionOwner = { kind: 'agency', agency: 'ecm_team' };

export const planActionChangeSchema = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    stoppedBecause: plainText(2000).optional(),
    /** A member of the case team by staff id, or null to leave it with `ownerAgency`. */
    ownerId: staffIdSchema.nullable().optional(),
    ownerAgency: z.enum(AGENCIES).optional(),
    dueBy: z.string().refine(isIsoDate, 'is a date such as 2026-03-09').nullable().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'say what changes: status, owner or by when' })
  .refine((c) => c.status !== 'stopped' || c.stoppedBecause !== undefined, { message: 'say why the action stopped', path: ['stoppedBecause'] })
  .refine((c) => c.stoppedBecause === undefined || c.status === 'stopped', { message: 'only a stopped action says why it stopped', path: ['stoppedBecause'] })
  .refine((c) => !(c.ownerId && c.ownerAgency), { message: 'name a person or an agency as owner, not both', path: ['ownerAgency'] });
export type PlanActionChange = z.infer<typeof planActionChangeSchema>;

/** Whether a change moves the owner or the date: the ECM team's to decide, not the owner's. */
export const reassigns = (change: PlanActionChange): boolean => change.ownerId !== undefined || change.ownerAgency !== undefined || change.dueBy !== undefined;

export const ownsAction = (action: Pick<PlanAction, 'owner'>, staffId: string): boolean => action.owner.kind === 'person' && action.owner.staffId === staffId;

/** A plan's "by when" falls on or after the day it was approved. */
export function assertDueAfterApproval(dueBy: IsoDate | null, approvedOn: IsoDate): void {
  if (dueBy !== null && dueBy < approvedOn) {
    throw ruleViolation(`“By when” must be on or after ${approvedOn}, the day the formulation was approved.`, { field: 'dueBy', approvedOn });
  }
}

/** The recommendations with their place in the plan (1…), in the order the formulation offers them. */
export const inTrmOrder = (recs: Recommendation[]): (Recommendation & { place: number })[] =>
  sequencedRecommendations(recs).map((r, i) => ({ ...r, place: i + 1 }));

/**
 * The plan after a formulation version is approved: every recommendation has an action (one that
 * already existed keeps its owner, date and status, with the new wording and place); an open
 * action whose recommendation was dropped stops, saying so. Actions a review added stay, placed
 * after the recommendations.
 */
export function planAfterApproval(
  existing: PlanAction[],
  recommendations: Recommendation[],
  formulationNumber: number,
  make: (rec: Recommendation, place: number) => PlanAction,
  touch: (a: PlanAction) => PlanAction,
): { added: PlanAction[]; changed: PlanAction[] } {
  const fromReviews = existing.filter((a) => a.addedAtMeetingId !== null);
  const byRec = new Map(existing.filter((a) => a.addedAtMeetingId === null).map((a) => [a.recommendationId, a]));
  const added: PlanAction[] = [];
  const changed: PlanAction[] = [];
  for (const rec of inTrmOrder(recommendations)) {
    const before = byRec.get(rec.id);
    if (!before) {
      added.push(make(rec, rec.place));
      continue;
    }
    const same =
      before.text === rec.text && before.trmLevel === rec.trmLevel && before.relationshipBased === rec.relationshipBased && before.sequence === rec.place;
    if (!same || before.formulationNumber !== formulationNumber) {
      changed.push(
        touch({ ...before, text: rec.text, trmLevel: rec.trmLevel, relationshipBased: rec.relationshipBased, sequence: rec.place, formulationNumber }),
      );
    }
  }
  // What reviews added stays in the plan, after the formulation's recommendations.
  [...fromReviews]
    .sort((a, b) => a.sequence - b.sequence)
    .forEach((a, i) => {
      const place = recommendations.length + i + 1;
      if (a.sequence !== place) changed.push(touch({ ...a, sequence: place }));
    });
  const kept = new Set(recommendations.map((r) => r.id));
  for (const a of existing) {
    if (a.addedAtMeetingId !== null || kept.has(a.recommendationId) || a.status === 'done' || a.status === 'stopped') continue;
    changed.push(touch({ ...a, status: 'stopped', stoppedBecause: `No longer in version ${formulationNumber} of the formulation.` }));
  }
  return { added, changed };
}

/** Overdue: not finished and its date has passed. */
export const isOverdue = (a: Pick<PlanAction, 'status' | 'dueBy'>, today: IsoDate): boolean =>
  a.dueBy !== null && a.dueBy < today && (a.status === 'planned' || a.status === 'under_way');

/**
 * An action whose day has come and that a named person still has to do: they are reminded. An
 * agency is not a person the bot can reach; a finished or stopped action needs nothing more.
 */
export const fallsDueFor = (a: Pick<PlanAction, 'status' | 'dueBy' | 'owner'>, today: IsoDate): string | null =>
  a.owner.kind === 'person' && a.dueBy !== null && a.dueBy <= today && (a.status === 'planned' || a.status === 'under_way') ? a.owner.staffId : null;
