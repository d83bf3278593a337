import type { AgreementPromptView } from '../../contract/views.js';
import { agreementState, PARTIES, type Party } from '../../domain/agreement.js';
import type { Principal } from '../../domain/staff.js';
import { can, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { todayIn } from '../../ports/clock.js';
import { serviceOf } from '../team/staffing.js';
import { whoMustAgree } from './whoMustAgree.js';

export async function showAgreementPrompt(deps: AppDeps, person: Principal, caseId: string): Promise<AgreementPromptView> {
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'agreement.read');
    const history = await w.tx.agreements.listForCase(c.id);
    const state = agreementState(history);
    const latest = (party: Party) => {
      if (state[party] === 'not_yet_known') return null;
      const a = history
        .filter((h) => h.party === party)
        .sort((x, y) => x.recordedAt.localeCompare(y.recordedAt) || x.id.localeCompare(y.id))
        .pop();
      return a ? { decision: a.decision, date: a.date, method: a.method, recordedByName: a.recordedByName, recordedAt: a.recordedAt } : null;
    };
    const { settings } = await serviceOf(w.tx, c.serviceId);
    const canRecord = c.status !== 'closed' && can(person, 'agreement.record', c, membership);
    await w.audit({ action: 'agreement.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return {
      caseId: c.id,
      reference: c.reference,
      status: c.status,
      parties: Object.fromEntries(PARTIES.map((party) => [party, latest(party)])) as AgreementPromptView['parties'],
      needs: whoMustAgree(c, history, settings, todayIn(deps.clock)),
      canRecord,
      decisionsRecorded: history.length,
    };
  });
}
