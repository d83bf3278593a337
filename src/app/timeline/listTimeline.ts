import type { EntryChanges, TimelinePage } from '../../contract/views.js';
import { z } from 'zod';
import { LIFE_STAGES } from '../../domain/lifeStage.js';
import { AGENCIES, type Principal } from '../../domain/staff.js';
import { entryAsSeenBy } from '../../domain/restriction.js';
import { compareLifeOrder, CONFIDENCE } from '../../domain/timeline.js';
import { canOnEntry, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50)).optional();

export const timelineQuerySchema = z
  .object({
    category: list(z.string().max(40)),
    agency: list(z.enum(AGENCIES)),
    confidence: list(z.enum(CONFIDENCE)),
    contributor: list(z.string().max(64)),
    stage: list(z.enum(LIFE_STAGES)),
    includeRetracted: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    after: z.string().max(500).optional(),
  })
  .strict();

/** The child's life in order, earliest first, one page at a time, with the filters the tab offers. */
export async function listTimeline(deps: AppDeps, person: Principal, caseId: string, query: unknown): Promise<TimelinePage> {
  const q = parseInput(timelineQuerySchema, query, 'The timeline query');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'timeline.read');
    const page = await w.tx.timeline.list(
      c.id,
      {
        categories: q.category,
        agencies: q.agency,
        confidence: q.confidence,
        contributorIds: q.contributor,
        lifeStages: q.stage,
        includeRetracted: q.includeRetracted === 'true',
      },
      { limit: q.limit, after: q.after },
    );
    // Each entry as this reader may see it. A withheld entry shows only its agency and life stage, so
    // a filter on anything else (category, confidence, contributor) never picks it out, and it sits
    // at the start of its stage rather than where its date would put it.
    const dob = c.childDateOfBirth;
    const filtersOnWithheld = Boolean(q.category?.length || q.confidence?.length || q.contributor?.length);
    const items = page.items
      .map((e) => entryAsSeenBy(person, e, dob))
      .filter((e) => !(e.withheld && filtersOnWithheld))
      .sort(compareLifeOrder);
    await w.audit({ action: 'timeline.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, entries: items.length } });
    const changes = (owns: boolean): EntryChanges => ({
      edit: canOnEntry(person, 'timeline.edit', c, membership, owns),
      retract: canOnEntry(person, 'timeline.retract', c, membership, owns),
      restrict: canOnEntry(person, 'timeline.restrict', c, membership, owns),
    });
    return { ...page, items, mayChange: { ownEntries: changes(true), othersEntries: changes(false) } };
  });
}
