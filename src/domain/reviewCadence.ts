import { addDays, addWeeks, daysBetween, type IsoDate } from './dates.js';
import { ruleViolation } from './errors.js';
import type { ReviewCadence } from './service.js';
import type { TeamMember } from './team.js';

/** Reviews fall 8–12 weeks after the last formulation or review and are overdue after 13 (configurable). */
export interface ReviewWindow {
  earliest: IsoDate;
  due: IsoDate;
  overdueFrom: IsoDate;
}

export function reviewWindow(lastFormulationOrReview: IsoDate, cadence: ReviewCadence): ReviewWindow {
  return {
    earliest: addWeeks(lastFormulationOrReview, cadence.earliestWeeks),
    due: addWeeks(lastFormulationOrReview, cadence.dueWeeks),
    overdueFrom: addWeeks(lastFormulationOrReview, cadence.overdueWeeks),
  };
}

/** A next-review date chosen at a meeting must sit inside the cadence. */
export function assertNextReviewInWindow(meetingDate: IsoDate, nextReviewDue: IsoDate, cadence: ReviewCadence): void {
  const w = reviewWindow(meetingDate, cadence);
  if (nextReviewDue < w.earliest || nextReviewDue > w.due) {
    throw ruleViolation(`The next review falls ${cadence.earliestWeeks}–${cadence.dueWeeks} weeks after this meeting: between ${w.earliest} and ${w.due}.`, {
      earliest: w.earliest,
      latest: w.due,
    });
  }
}

export type ReviewState = 'not_due' | 'due_soon' | 'due' | 'overdue';

/** Reminders go out this many days before a review is due. */
export const REMINDER_DAYS_BEFORE = 14;

export interface ReviewStatus {
  nextReviewDue: IsoDate;
  overdueFrom: IsoDate;
  state: ReviewState;
  daysUntilDue: number;
}

/**
 * Where a case stands against its review cadence. `agreedDue` is the date chosen at the last
 * meeting, when there was one; otherwise the cadence decides.
 */
export function reviewStatus(last: IsoDate, agreedDue: IsoDate | null, today: IsoDate, cadence: ReviewCadence): ReviewStatus {
  const w = reviewWindow(last, cadence);
  const due = agreedDue ?? w.due;
  const overdueFrom = agreedDue && agreedDue > w.due ? addDays(agreedDue, 7 * (cadence.overdueWeeks - cadence.dueWeeks)) : w.overdueFrom;
  const daysUntilDue = daysBetween(today, due);
  const state: ReviewState = today >= overdueFrom ? 'overdue' : daysUntilDue <= 0 ? 'due' : daysUntilDue <= REMINDER_DAYS_BEFORE ? 'due_soon' : 'not_due';
  return { nextReviewDue: due, overdueFrom, state, daysUntilDue };
}

/**
 * A review is arranged by the ECM practitioners on the case team and the case holder; partners
 * hear of it through them. Each is reminded once, however many parts they hold.
 */
export function reminderRecipients(team: Pick<TeamMember, 'staffId' | 'caseRole'>[], caseHolderId: string): string[] {
  return [...new Set([...team.filter((m) => m.caseRole === 'ecm_practitioner').map((m) => m.staffId), caseHolderId])];
}
