import { assertNotClosed } from '../../domain/case.js';
import type { Principal } from '../../domain/staff.js';
import { retractionSchema, type TimelineEntry } from '../../domain/timeline.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { entryForChange, saveChangedEntry } from './timelineEntries.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * Entries are retracted, never deleted: the record shows what was said and why it was withdrawn.
 * Retraction corrects the record, so it stays possible after agreement is withdrawn.
 */
export async function retractTimelineEntry(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  entryId: string,
  input: unknown,
  expectedVersion: number,
): Promise<TimelineEntry> {
  const { reason } = parseInput(retractionSchema, input, 'The retraction');
  return inTransaction(deps, person, async (w) => {
    const { case: c, entry } = await entryForChange(w, person, caseId, entryId, 'timeline.retract', expectedVersion);
    assertNotClosed(c);
    return saveChangedEntry(
      w,
      c,
      entry,
      { ...entry, retraction: { at: w.now, by: person.staffId, reason }, updatedAt: w.now, version: entry.version + 1 },
      'retracted',
    );
  });
}
