import type { Case } from './case.js';
import type { Formulation } from './formulation.js';
import { type Meeting, meetingDate } from './meeting.js';
import { type ReviewStatus, reviewStatus } from './reviewCadence.js';
import type { ServiceSettings } from './service.js';

/**
 * A case's review status from its record: the last approved formulation or held meeting starts the
 * clock, and the next-review date agreed at that meeting, if any, sets the due date.
 */
export function reviewStatusOf(
  caseRecord: Pick<Case, 'status'>,
  formulations: Formulation[],
  meetings: Meeting[],
  settings: ServiceSettings,
  today: string,
): ReviewStatus | null {
  if (caseRecord.status !== 'active') return null;
  const approvals = formulations.filter((f) => f.approvedAt).map((f) => ({ date: (f.approvedAt as string).slice(0, 10), agreedDue: null as string | null }));
  const held = meetings
    .filter((m) => m.status === 'held' && m.kind !== 'consultation')
    .map((m) => ({ date: meetingDate(m), agreedDue: m.outcome?.nextReviewDue ?? null }));
  const latest = [...approvals, ...held].sort((a, b) => a.date.localeCompare(b.date) || Number(a.agreedDue !== null) - Number(b.agreedDue !== null)).pop();
  if (!latest) return null;
  return reviewStatus(latest.date, latest.agreedDue, today, settings.reviewCadence);
}
