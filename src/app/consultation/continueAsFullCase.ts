import type { CaseView } from '../../contract/views.js';
import { assertIdentified, type Case, decidePathway } from '../../domain/case.js';
import { statutoryOrderProblems, statutoryOrderSchema } from '../../domain/consultation.js';
import { ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseView } from '../case/caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { openConsultationFor } from './consultationInReach.js';

/**
 * The young person has gone on to a statutory order: the consultation becomes a full ECM case. It
 * is the same case — its reference, team, audit trail and consultation record stay — now of the
 * statutory pathway, with the order's dates. Agreement to take part follows the usual rules.
 */
export async function continueAsFullCase(deps: AppDeps, person: Principal, caseId: string, input: unknown, expectedVersion: number): Promise<CaseView> {
  const today = todayIn(deps.clock);
  const order = parseInput(statutoryOrderSchema, input, 'The statutory order', statutoryOrderProblems);
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership, consultation } = await openConsultationFor(w, person, caseId, 'consultation.record');
    assertIdentified(c);
    if (c.version !== expectedVersion) throw staleVersion('The case', c.version);
    if (order.orderStart < c.childDateOfBirth)
      throw ruleViolation('The order cannot start before the young person was born: check the date.', { field: 'orderStart' });
    const eligibility = decidePathway({ ...order, pathway: 'statutory_ecm' }, today);
    const updated: Case = { ...c, pathway: eligibility.pathway, orderStart: order.orderStart, orderEnd: order.orderEnd, version: c.version + 1 };
    if (!(await w.tx.cases.update(updated, c.version))) throw staleVersion('The case', c.version);
    await w.tx.consultations.update({ ...consultation, becameCaseAt: w.now });
    await w.audit({
      action: 'consultation.becameCase',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, pathway: updated.pathway, eligibility: eligibility.reason, orderStart: order.orderStart, orderEnd: order.orderEnd },
    });
    await w.emit({ caseId: c.id, type: 'case.updated', data: { status: updated.status, closureReason: updated.closureReason } });
    return caseView(deps, w.tx, person, updated, membership);
  });
}
