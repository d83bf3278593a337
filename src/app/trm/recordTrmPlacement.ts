import { assertOpenForWork } from '../../domain/case.js';
import { ruleViolation } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { type TrmMovement, type TrmPlacement, trmPlacementInputSchema } from '../../domain/trm.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { placeOnTrm } from './placeOnTrm.js';

export async function recordTrmPlacement(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<TrmPlacement & { movement: TrmMovement }> {
  const data = parseInput(trmPlacementInputSchema, input, 'The TRM placement');
  if (data.effectiveDate > todayIn(deps.clock)) throw ruleViolation('A placement records where the child is now, not in the future.');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'trm.record');
    assertOpenForWork(c);
    if (data.meetingId && !(await w.tx.meetings.get(c.id, data.meetingId))) throw ruleViolation('That meeting is not one of this case’s meetings.');
    return placeOnTrm(w, person, c, { level: data.level, rationale: data.rationale, effectiveDate: data.effectiveDate, meetingId: data.meetingId ?? null });
  });
}
