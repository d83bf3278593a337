import { assertNotClosed } from '../../domain/case.js';
import { ruleViolation } from '../../domain/errors.js';
import { restrictionReasonSchema } from '../../domain/restriction.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { entryForChange, saveChangedEntry } from './timelineEntries.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * Opens a restricted entry's text to everyone who reads the timeline again. Who may: as for
 * restricting (the contributor, or the ECM team). A reason is required; it goes to the audit trail.
 */
export async function liftEntryRestriction(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  entryId: string,
  input: unknown,
  expectedVersion: number,
): Promise<TimelineEntry> {
  const { reason } = parseInput(restrictionReasonSchema, input, 'Lifting the restriction');
  return inTransaction(deps, person, async (w) => {
    const { case: c, entry } = await entryForChange(w, person, caseId, entryId, 'timeline.restrict', expectedVersion, { retractedToo: true });
    assertNotClosed(c);
    if (!entry.restriction) throw ruleViolation('This entry is not restricted.');
    return saveChangedEntry(w, c, entry, { ...entry, restriction: null, updatedAt: w.now, version: entry.version + 1 }, 'restriction_lifted', reason);
  });
}
