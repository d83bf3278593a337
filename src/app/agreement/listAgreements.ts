import { type Agreement, agreementState, type AgreementState } from '../../domain/agreement.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

export async function listAgreements(
  deps: AppDeps,
  person: Principal,
  caseId: string,
): Promise<{ state: AgreementState; lawfulBasis: string; history: Agreement[] }> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'agreement.read');
    const history = await w.tx.agreements.listForCase(c.id);
    await w.audit({ action: 'agreement.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return { state: agreementState(history), lawfulBasis: c.lawfulBasis, history };
  });
}
