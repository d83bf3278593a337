import { z } from 'zod';
import type { TimelineSearchResult } from '../../contract/views.js';
import { LIFE_STAGES } from '../../domain/lifeStage.js';
import { restrictedTextReach } from '../../domain/restriction.js';
import { searchTextSchema, searchWordsOf } from '../../domain/search.js';
import { AGENCIES, type Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50)).optional();

export const timelineSearchSchema = z
  .object({
    q: searchTextSchema,
    category: list(z.string().max(40)),
    agency: list(z.enum(AGENCIES)),
    stage: list(z.enum(LIFE_STAGES)),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/**
 * The timeline entries holding every word searched for, in life order, with what matched. Only what
 * the person may read is searched: live entries of a case they may read, and of restricted entries
 * only those whose words they may read. The audit records the search, how many words and matches —
 * never the words, which may be a name.
 */
export async function searchTimeline(deps: AppDeps, person: Principal, caseId: string, query: unknown): Promise<TimelineSearchResult> {
  const q = parseInput(timelineSearchSchema, query, 'The timeline search');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'timeline.read');
    const words = searchWordsOf(q.q);
    const found = await w.tx.timeline.search(c.id, {
      words,
      categories: q.category,
      agencies: q.agency,
      lifeStages: q.stage,
      restrictedText: restrictedTextReach(person),
      limit: q.limit,
    });
    await w.audit({
      action: 'timeline.search',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, words: words.length, matches: found.items.length, entries: found.items.map((m) => m.entry.id) },
    });
    return found;
  });
}
