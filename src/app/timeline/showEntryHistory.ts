import { notFound } from '../../domain/errors.js';
import { historyAsSeenBy } from '../../domain/restriction.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntryRevision } from '../../domain/timeline.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** Every version of an entry, oldest first: nothing is silently overwritten. */
export async function showEntryHistory(deps: AppDeps, person: Principal, caseId: string, entryId: string): Promise<TimelineEntryRevision[]> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'timeline.read');
    const entry = await w.tx.timeline.get(c.id, entryId);
    if (!entry) throw notFound('That timeline entry');
    // While the entry is restricted, no version's text reaches those who may not read it.
    const revisions = historyAsSeenBy(person, entry, await w.tx.timeline.revisions(entryId), c.childDateOfBirth);
    await w.audit({ action: 'timeline.history.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, entryId } });
    return revisions;
  });
}
