import { assertOpenForWork } from '../../domain/case.js';
import { assertHeldWhenItCouldBe, heldMeetingSchema, type Meeting } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { checkOutcome, closeReview } from './recordMeetingOutcome.js';
import { placeAtMeeting } from '../trm/placeOnTrm.js';
import { reviewThePlan } from './reviewThePlan.js';
import { saveMeeting } from './saveMeeting.js';
import { teamAtMeeting } from './teamAtMeeting.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * Records a meeting held without being scheduled here (or before the product was used), after the
 * event, with its real date and its outcome at once. Nobody is invited and no calendar is written:
 * the meeting has already happened.
 */
export async function recordHeldMeeting(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<Meeting> {
  const data = parseInput(heldMeetingSchema, input, 'The meeting');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'meeting.recordOutcome');
    assertOpenForWork(c);
    assertHeldWhenItCouldBe(data.startsAt, w.now, c.referredAt);
    const team = await teamAtMeeting(w, c, data.attendeeIds, 'Everyone at a meeting recorded here must be on the case team.');
    await checkOutcome(w, c, data, data.outcome);
    const id = w.newId();
    const plan = await reviewThePlan(w, person, c, membership, { id }, data.outcome);

    const held: Meeting = {
      id,
      caseId: c.id,
      kind: data.kind,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      location: data.location ?? null,
      organiserId: person.staffId,
      // Invitation replies are for meetings still to come; who was there belongs to the attendance register.
      attendees: data.attendeeIds.map((id) => ({ staffId: id, name: team.get(id)?.name ?? id, response: 'none', respondedAt: null })),
      status: 'held',
      joinUrl: null,
      externalId: null,
      chatId: null,
      startedAt: null,
      endedAt: null,
      outcome: { ...data.outcome, ...(plan ? { plan } : {}), recordedBy: person.staffId, recordedAt: w.now },
      version: 1,
    };
    const saved = await saveMeeting(w, c, held, null, 'meeting.recorded.after', null);
    await placeAtMeeting(w, person, c, membership, held, data.outcome);
    await closeReview(w, c, held);
    return saved;
  });
}
