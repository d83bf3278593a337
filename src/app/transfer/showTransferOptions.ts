import type { TransferOptions } from '../../contract/views.js';
import { decideTransferDestination } from '../../domain/policy.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { mayHoldCaseIn } from './transferCase.js';

/** What the transfer form offers: the services this person may move the case to, and who may hold it in each. */
export async function showTransferOptions(deps: AppDeps, person: Principal, caseId: string): Promise<TransferOptions> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'case.transfer');
    const [services, staff, transfers] = await Promise.all([w.tx.services.list(), w.tx.staff.list(), w.tx.transfers.listForCase(c.id)]);
    await w.audit({ action: 'case.transfer.options.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return {
      reference: c.reference,
      formerReferences: transfers.map((t) => t.fromReference),
      documentsMoving: transfers.some((t) => t.documentsMovedAt === null),
      destinations: services
        .filter((s) => decideTransferDestination(person, c.serviceId, s.id).allowed)
        .map((s) => ({
          serviceId: s.id,
          name: s.name,
          caseHolders: staff
            .filter((p) => mayHoldCaseIn(p, s.id))
            .map((p) => ({ staffId: p.id, name: p.name, role: p.role }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        })),
    };
  });
}
