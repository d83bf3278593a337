import { summaryKindOfSlug, type Summary } from '../../domain/summary.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { currentSummary, kindOrNotFound } from './currentSummary.js';

/** The summary of this kind as it stands (or the first draft from the formulation), for those who read the case documents. */
export async function showSummary(deps: AppDeps, person: Principal, caseId: string, slug: string): Promise<Summary> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'summary.read');
    const kind = kindOrNotFound(summaryKindOfSlug(slug));
    const summary = await currentSummary(w.tx, c, kind, w.now);
    await w.audit({ action: 'summary.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, kind, version: summary.version } });
    return summary;
  });
}
