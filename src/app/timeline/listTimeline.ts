import type { EntryChanges, TimelinePage } from '../../contract/views.js';
import { z } from 'zod';
import { LIFE_STAGES } from '../../domain/lifeStage.js';
import { AGENCIES, type Principal } from '../../domain/staff.js';
import { CONFIDENCE } from '../../domain/timeline.js';
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
    await w.audit({ action: 'timeline.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, entries: page.items.length } });
    const changes = (owns: boolean): EntryChanges => ({
      edit: canOnEntry(person, 'timeline.edit', c, membership, owns),
      retract: canOnEntry(person, 'timeline.retract', c, membership, owns),
    });
    return { ...page, mayChange: { ownEntries: changes(true), othersEntries: changes(false) } };
  });
}
