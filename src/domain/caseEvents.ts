import { z } from 'zod';
import type { Instant } from './dates.js';
import { CASE_ROLES, type TeamMember } from './team.js';

/**
 * What people watching a case (the meeting side panel and stage) are told after a change commits.
 * Events carry the changed record so watchers need not ask again.
 */
export const CASE_EVENT_TYPES = [
  'case.updated',
  'agreement.recorded',
  'team.changed',
  /** The bot could not reach a member of the team (they removed or blocked it): tell them another way. */
  'team.unreachable',
  'timeline.added',
  'timeline.edited',
  'timeline.retracted',
  /** A missing piece of the jigsaw was put to an agency as a question, or the agency answered it. */
  'question.asked',
  'question.answered',
  'formulation.saved',
  'formulation.approved',
  'trm.recorded',
  'meeting.scheduled',
  'meeting.updated',
  /** An action of the plan was added or changed (owner, date, status). */
  'action.changed',
  /** The transition plan (moving on to adult services) was written or changed. */
  'transition.changed',
  /** A court or adult-handover summary was saved, or approved (and so queued for the library). */
  'summary.saved',
  'summary.approved',
  'document.queued',
  'document.delivered',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEventInput {
  caseId: string;
  type: CaseEventType;
  actorId: string;
  actorName: string;
  data: unknown;
}

export interface CaseEvent extends CaseEventInput {
  /** Increases with every event in the database; a watcher resumes after the last one it saw. */
  seq: number;
  at: Instant;
}

/** A person's place on the case team as far as access goes: their part, and whether they accepted the terms. */
export type TeamPlace = Pick<TeamMember, 'caseRole' | 'termsAcceptedAt' | 'termsVersion'>;

// A record without the terms' version counts as terms not accepted: it never widens access.
const place = z.object({ caseRole: z.enum(CASE_ROLES), termsAcceptedAt: z.string().nullable(), termsVersion: z.string().nullable().default(null) });
const aboutSomeone = z.object({ staffId: z.string() });

/**
 * Whose place on the team a `team.changed` event records, and that place as it stood when the event
 * committed. A record that cannot be read counts as no place at all, so it never widens access.
 */
export function teamPlaceChangedBy(e: CaseEvent): { staffId: string; place: TeamPlace | null } | null {
  if (e.type !== 'team.changed') return null;
  const who = aboutSomeone.safeParse(e.data);
  if (!who.success) return null;
  const now = place.safeParse(e.data);
  return { staffId: who.data.staffId, place: now.success ? now.data : null };
}
