import { assertOpenForWork } from '../../domain/case.js';
import type { Principal } from '../../domain/staff.js';
import { type TimelineEntry, timelineEntryInputSchema } from '../../domain/timeline.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { entryForChange, placeEntry, saveChangedEntry } from './timelineEntries.js';
import { inTransaction } from '../unitOfWork.js';

/** An edit makes a new version; the earlier one stays in the entry's history. */
export async function editTimelineEntry(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  entryId: string,
  input: unknown,
  expectedVersion: number,
): Promise<TimelineEntry> {
  const data = parseInput(timelineEntryInputSchema, input, 'The timeline entry');
  return inTransaction(deps, person, async (w) => {
    const { case: c, service, entry } = await entryForChange(w, person, caseId, entryId, 'timeline.edit', expectedVersion);
    assertOpenForWork(c);
    const { span, lifeStage } = placeEntry(deps, c, service, data);
    return saveChangedEntry(w, c, entry, { ...entry, ...data, span, lifeStage, updatedAt: w.now, version: entry.version + 1 }, 'edited');
  });
}
