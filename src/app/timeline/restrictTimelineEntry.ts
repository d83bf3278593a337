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
 * Keeps an entry's text to the ECM team, the psychologist and the agency it speaks for: everyone
 * else sees that it exists, its agency and its life stage. The contributor restricts their own
 * entries, the ECM team any; the reason goes to the audit trail and the entry's history.
 */
export async function restrictTimelineEntry(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  entryId: string,
  input: unknown,
  expectedVersion: number,
): Promise<TimelineEntry> {
  const { reason } = parseInput(restrictionReasonSchema, input, 'The restriction');
  return inTransaction(deps, person, async (w) => {
    const { case: c, entry } = await entryForChange(w, person, caseId, entryId, 'timeline.restrict', expectedVersion, { retractedToo: true });
    assertNotClosed(c);
    if (entry.restriction) throw ruleViolation('This entry is already restricted.');
    const after: TimelineEntry = {
      ...entry,
      restriction: { at: w.now, by: person.staffId, byName: person.name, reason },
      updatedAt: w.now,
      version: entry.version + 1,
    };
    return saveChangedEntry(w, c, entry, after, 'restricted', reason);
  });
}
