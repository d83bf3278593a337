import { assertOpenForWork } from '../../domain/case.js';
import type { Principal } from '../../domain/staff.js';
import { type TimelineEntry, timelineEntryInputSchema } from '../../domain/timeline.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { answerWithEntry } from './answerTimelineQuestion.js';
import { placeEntry, recordRevision } from './timelineEntries.js';
import { inTransaction } from '../unitOfWork.js';

export async function addTimelineEntry(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<TimelineEntry> {
  const data = parseInput(timelineEntryInputSchema, input, 'The timeline entry');
  return inTransaction(deps, person, async (w) => {
    const { case: c, service, openQuestions } = await caseFor(w.tx, person, caseId, 'timeline.add');
    assertOpenForWork(c);
    const { span, lifeStage } = placeEntry(deps, c, service, data);
    const entry: TimelineEntry = {
      ...data,
      id: w.newId(),
      caseId: c.id,
      span,
      lifeStage,
      contributorId: person.staffId,
      contributorName: person.name,
      createdAt: w.now,
      updatedAt: w.now,
      version: 1,
      retraction: null,
      restriction: null,
    };
    await w.tx.timeline.insert(entry);
    await recordRevision(w, entry);
    await w.audit({ action: 'timeline.entry.added', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, entryId: entry.id } });
    await w.emit({ caseId: c.id, type: 'timeline.added', data: entry });
    // The piece the jigsaw asked for: the cell's open question is answered by this entry (the case
    // read said whether any question is open, so most entries look for none).
    if (openQuestions) await answerWithEntry(w, c, entry);
    return entry;
  });
}
