import { closureSchema } from '../../domain/case.js';
import { ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { CaseView } from '../../contract/views.js';
import { caseView } from './caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { retainUntil } from '../../domain/retention.js';
import { queueRetainUntilRestamp } from '../retention/restampDocumentsJob.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

export async function closeCase(deps: AppDeps, person: Principal, caseId: string, input: unknown, expectedVersion: number): Promise<CaseView> {
  const { reason, note } = parseInput(closureSchema, input, 'The closure');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'case.close');
    if (c.status === 'closed') throw ruleViolation('This case is already closed.');
    if (c.version !== expectedVersion) throw staleVersion('The case', c.version);
    const closed = { ...c, status: 'closed' as const, closureReason: reason, closureNote: note ?? null, closedAt: w.now, version: c.version + 1 };
    if (!(await w.tx.cases.update(closed, c.version))) throw staleVersion('The case', c.version);
    await w.audit({ action: 'case.closed', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, reason } });
    await w.emit({ caseId: c.id, type: 'case.updated', data: { status: 'closed', closureReason: reason } });
    const service = await serviceOf(w.tx, c.serviceId);
    const until = retainUntil(closed, service.settings.retention);
    if (until) await queueRetainUntilRestamp(w, closed, until);
    return caseView(deps, w.tx, person, closed, membership);
  });
}
