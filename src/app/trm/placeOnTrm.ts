import type { Case } from '../../domain/case.js';
import { type MeetingOutcome, meetingDate } from '../../domain/meeting.js';
import type { Principal } from '../../domain/staff.js';
import type { TeamMember } from '../../domain/team.js';
import { inPlacementOrder, movement, type TrmMovement, type TrmPlacement } from '../../domain/trm.js';
import { assertAllowed } from '../access.js';
import type { Work } from '../unitOfWork.js';

type Placing = Pick<TrmPlacement, 'level' | 'rationale' | 'effectiveDate' | 'meetingId'>;

/** Records a placement on the Trauma Recovery Model, in the caller's unit of work: audited and live. */
export async function placeOnTrm(w: Work, person: Principal, c: Case, data: Placing): Promise<TrmPlacement & { movement: TrmMovement }> {
  const earlier = inPlacementOrder((await w.tx.trm.list(c.id)).filter((x) => x.effectiveDate <= data.effectiveDate));
  const placement: TrmPlacement = { id: w.newId(), caseId: c.id, ...data, placedBy: person.staffId, placedByName: person.name, placedAt: w.now };
  await w.tx.trm.insert(placement);
  const moved = movement(earlier.at(-1)?.level ?? null, placement.level);
  await w.audit({ action: 'trm.recorded', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, level: placement.level, movement: moved } });
  await w.emit({ caseId: c.id, type: 'trm.recorded', data: { ...placement, movement: moved } });
  return { ...placement, movement: moved };
}

/**
 * The TRM placement a meeting's outcome records: a placement of the meeting's day, linked to the
 * meeting, made with the outcome or not at all. Placing is the psychologist's and the ECM team's.
 */
export async function placeAtMeeting(
  w: Work,
  person: Principal,
  c: Case,
  membership: TeamMember | null,
  meeting: { id: string; startsAt: string },
  outcome: MeetingOutcome,
): Promise<void> {
  if (!outcome.trmPlacement) return;
  assertAllowed(person, 'trm.record', c, membership);
  await placeOnTrm(w, person, c, { ...outcome.trmPlacement, effectiveDate: meetingDate(meeting), meetingId: meeting.id });
}
