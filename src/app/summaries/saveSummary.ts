import { assertOpenForWork } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { type Summary, summaryKindOfSlug, summarySectionsSchema } from '../../domain/summary.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { currentSummary, kindOrNotFound } from './currentSummary.js';

/**
 * Saves the wording of a summary. The first save keeps the draft proposed from the formulation
 * (If-Match "0"); a change after approval makes it a draft again, while the library keeps the
 * approved wording until the next approval.
 */
export async function saveSummary(deps: AppDeps, person: Principal, caseId: string, slug: string, input: unknown, expectedVersion: number): Promise<Summary> {
  const kind = kindOrNotFound(summaryKindOfSlug(slug));
  const { sections } = parseInput(summarySectionsSchema(kind), input, 'The summary');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'summary.write');
    assertOpenForWork(c);
    const current = await currentSummary(w.tx, c, kind, w.now);
    if (current.version !== expectedVersion) throw staleVersion('The summary', current.version);
    const saved: Summary = {
      ...current,
      sections,
      status: 'draft',
      updatedBy: person.staffId,
      updatedByName: person.name,
      updatedAt: w.now,
      version: current.version + 1,
    };
    if (current.version === 0) await w.tx.summaries.insert(saved);
    else if (!(await w.tx.summaries.update(saved, current.version))) throw staleVersion('The summary', current.version);
    await w.audit({ action: 'summary.saved', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, kind, version: saved.version } });
    await w.emit({ caseId: c.id, type: 'summary.saved', data: saved });
    return saved;
  });
}
