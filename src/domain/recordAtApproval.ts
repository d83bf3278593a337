import type { IdentifiedCase } from './case.js';
import type { Instant } from './dates.js';
import type { Meeting } from './meeting.js';
import type { Service } from './service.js';
import type { TeamMember } from './team.js';
import type { TimelineEntry } from './timeline.js';
import type { TrmPlacement } from './trm.js';

/**
 * The case record as it stood when a formulation version was approved: what the psychologist
 * signed. A clinical document must be reproducible, so an approved version's report is made from
 * this, never from the record as it is later. Kept beside the approval, in the same transaction.
 */
export interface RecordAtApproval {
  caseId: string;
  formulationNumber: number;
  approvedAt: Instant;
  case: Pick<IdentifiedCase, 'id' | 'reference' | 'serviceId' | 'pathway' | 'status' | 'childName' | 'childDateOfBirth' | 'referredAt' | 'closedAt'>;
  service: Pick<Service, 'id' | 'name' | 'settings'>;
  /** Entries that stood at approval, with their text and version at that moment, in life order. */
  timeline: TimelineEntry[];
  placements: TrmPlacement[];
  team: TeamMember[];
  meetings: Meeting[];
}

/**
 * For a version approved before the record was kept at approval: the live record without what
 * was added after `at` (entries, placements, people, meetings). Edits made since show as they are now.
 */
export function recordWithoutLaterAdditions<R extends Pick<RecordAtApproval, 'timeline' | 'placements' | 'team' | 'meetings'>>(live: R, at: Instant): R {
  return {
    ...live,
    timeline: live.timeline.filter((e) => e.createdAt <= at),
    placements: live.placements.filter((p) => p.placedAt <= at),
    team: live.team.filter((m) => m.invitedAt <= at),
    meetings: live.meetings.filter((m) => m.startsAt <= at),
  };
}
