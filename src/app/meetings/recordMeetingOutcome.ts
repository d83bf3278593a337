import { assertOpenForWork, type Case } from '../../domain/case.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import { assertCanRecordOutcome, type Meeting, meetingDate, type MeetingOutcome, meetingOutcomeSchema } from '../../domain/meeting.js';
import { assertNextReviewInWindow } from '../../domain/reviewCadence.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueCaseDocuments } from '../documents/prepareDocumentsJob.js';
import { placeAtMeeting } from '../trm/placeOnTrm.js';
import { reviewThePlan } from './reviewThePlan.js';
import { saveMeeting } from './saveMeeting.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction, type Work } from '../unitOfWork.js';

/** What a meeting decided: progress on each action of the plan, the re-plan and the next review date. */
export async function recordMeetingOutcome(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  meetingId: string,
  input: unknown,
  expectedVersion: number,
): Promise<Meeting> {
  const outcome = parseInput(meetingOutcomeSchema, input, 'The meeting outcome');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'meeting.recordOutcome');
    assertOpenForWork(c);
    const meeting = await w.tx.meetings.get(c.id, meetingId);
    if (!meeting) throw notFound('That meeting');
    if (meeting.version !== expectedVersion) throw staleVersion('The meeting', meeting.version);
    assertCanRecordOutcome(meeting, w.now);
    await checkOutcome(w, c, meeting, outcome);
    const plan = await reviewThePlan(w, person, c, membership, meeting, outcome);
    const recorded = { ...outcome, ...(plan ? { plan } : {}), recordedBy: person.staffId, recordedAt: w.now };
    const held: Meeting = { ...meeting, status: 'held', outcome: recorded, version: meeting.version + 1 };
    const saved = await saveMeeting(w, c, held, meeting.version, 'meeting.outcome.recorded', null);
    await placeAtMeeting(w, person, c, membership, held, outcome);
    await closeReview(w, c, held);
    return saved;
  });
}

/** What any outcome must say: the next review within the cadence (the plan's actions are checked as they change). */
export async function checkOutcome(w: Work, c: Case, meeting: Pick<Meeting, 'kind' | 'startsAt'>, outcome: MeetingOutcome): Promise<void> {
  if (meeting.kind !== 'consultation') {
    if (!outcome.nextReviewDue) throw ruleViolation('Formulation and review meetings set the date of the next review.');
    assertNextReviewInWindow(meetingDate(meeting), outcome.nextReviewDue, (await serviceOf(w.tx, c.serviceId)).settings.reviewCadence);
  }
}

/** A review closes with its record in the service's library (made once this commits). */
export async function closeReview(w: Work, c: Case, held: Meeting): Promise<void> {
  if (held.kind === 'review') await queueCaseDocuments(w, c, { kind: 'review.recorded', meetingId: held.id });
}
