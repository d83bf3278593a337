import type { AgreementNeedsView } from '../../contract/views.js';
import { type Agreement, agreementState, type AgreementState } from '../../domain/agreement.js';
import { todayIn } from '../../ports/clock.js';
import { serviceOf } from '../team/staffing.js';
import { whoMustAgree } from './whoMustAgree.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

export async function listAgreements(
  deps: AppDeps,
  person: Principal,
  caseId: string,
): Promise<{ state: AgreementState; needs: AgreementNeedsView; lawfulBasis: string; history: Agreement[] }> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'agreement.read');
    const history = await w.tx.agreements.listForCase(c.id);
    await w.audit({ action: 'agreement.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    const { settings } = await serviceOf(w.tx, c.serviceId);
    return { state: agreementState(history), needs: whoMustAgree(c, history, settings, todayIn(deps.clock)), lawfulBasis: c.lawfulBasis, history };
  });
}
