import { reviewStatusOf } from '../domain/reviewStatusOf.js';
import type { IsoDate } from '../domain/dates.js';
import { meetingDate } from '../domain/meeting.js';
import type { CaseDossier } from './dossier.js';

export interface NextMeeting {
  date: IsoDate;
  /** A review meeting is booked for that day; otherwise the review is due by then. */
  booked: boolean;
}

/**
 * The case's next review as the record says it today: a review meeting booked from today on, or
 * the date agreed at the last meeting, or the service's cadence from the last approval or review
 * (the same rule as the caseload's review status). None for a case that is not active.
 */
export function nextReviewOf(d: CaseDossier): NextMeeting | null {
  const booked = d.meetings
    .filter((m) => m.kind === 'review' && m.status === 'scheduled' && meetingDate(m) >= d.today)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (booked && d.case.status === 'active') return { date: meetingDate(booked), booked: true };
  const status = reviewStatusOf(d.case, d.formulations, d.meetings, d.service.settings, d.today);
  return status ? { date: status.nextReviewDue, booked: false } : null;
}
