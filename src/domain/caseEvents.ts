import type { Instant } from './dates.js';

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
  'formulation.saved',
  'formulation.approved',
  'trm.recorded',
  'meeting.scheduled',
  'meeting.updated',
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
