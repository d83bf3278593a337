import type { CaseView } from '../../contract/views.js';
import { agreementNeeds } from '../../domain/agreementRules.js';
import { assertNotClosed, type Case, legalStatusChangeSchema } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import { childOnTheDay } from '../agreement/whoMustAgree.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';
import { caseView } from './caseViews.js';

/**
 * Records that a child came into or left care, or that someone else now holds parental
 * responsibility. Who must agree is worked out again from the rules table: a case waiting only on
 * someone the new status no longer needs becomes active. An active case stays active — the work
 * already agreed goes on while the newly needed agreement (the local authority's, for a child now
 * under a care order) is sought, and the dashboard counts it among the agreements outstanding.
 */
export async function changeLegalStatus(deps: AppDeps, person: Principal, caseId: string, input: unknown, expectedVersion: number): Promise<CaseView> {
  const change = parseInput(legalStatusChangeSchema, input, 'The legal status');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'case.legalStatus');
    assertNotClosed(c);
    if (c.version !== expectedVersion) throw staleVersion('The case', c.version);
    const service = await serviceOf(w.tx, c.serviceId);
    const changed: Case = { ...c, legalStatus: change.legalStatus, parentalResponsibility: change.parentalResponsibility ?? null };
    const { missing } = agreementNeeds(await w.tx.agreements.listForCase(c.id), childOnTheDay(changed, service.settings, todayIn(deps.clock)));
    const status = c.status === 'awaiting_agreement' && missing.length === 0 ? 'active' : c.status;
    const updated: Case = { ...changed, status, version: c.version + 1 };
    if (!(await w.tx.cases.update(updated, c.version))) throw staleVersion('The case', c.version);
    await w.audit({
      action: 'case.legalStatusChanged',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, from: c.legalStatus, to: updated.legalStatus, status, agreementsMissing: missing },
    });
    await w.emit({ caseId: c.id, type: 'case.updated', data: { status, closureReason: c.closureReason } });
    return caseView(deps, w.tx, person, updated, membership, service);
  });
}
