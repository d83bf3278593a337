import { z } from 'zod';
import { CASE_STATUSES, PATHWAYS } from '../../domain/case.js';
import { caseloadScope, type CaseloadScope } from '../../domain/policy.js';
import { searchTextSchema, searchWordsOf } from '../../domain/search.js';
import { serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import type { CaseQuery, Page } from '../../ports/store.js';
import { assertServiceAllowed } from '../access.js';
import type { CaseView } from '../../contract/views.js';
import { caseView } from './caseViews.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

export const caseloadQuerySchema = z
  .object({
    service: serviceIdSchema.optional(),
    status: z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.enum(CASE_STATUSES)).max(4)).optional(),
    /** Only consultations, or only statutory ECM cases. */
    pathway: z.enum(PATHWAYS).optional(),
    /** Words of the child's name or the case reference (src/domain/search.ts). */
    q: searchTextSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    after: z.string().max(500).optional(),
  })
  .strict();

function queryFor(scope: CaseloadScope, p: Principal, service: string | undefined): CaseQuery | null {
  const within = (ids: string[]) => (service ? ids.filter((id) => id === service) : ids);
  switch (scope.kind) {
    case 'services':
      return { serviceIds: within(scope.serviceIds) };
    case 'team':
      return { memberStaffId: p.staffId, ...(scope.serviceIds ? { serviceIds: within(scope.serviceIds) } : service ? { serviceIds: [service] } : {}) };
    case 'none':
      return null;
  }
}

/** "My cases": what this person may see, newest referral first, filtered by service, status and pathway. */
export async function listCaseload(deps: AppDeps, person: Principal, query: unknown): Promise<Page<CaseView>> {
  const q = parseInput(caseloadQuerySchema, query, 'The caseload query');
  return inTransaction(deps, person, async (w) => {
    if (q.service) assertServiceAllowed(person, 'caseload.read', q.service);
    const caseQuery = queryFor(caseloadScope(person), person, q.service);
    if (!caseQuery) return { items: [], nextCursor: null };
    const page = await w.tx.cases.list(
      {
        ...caseQuery,
        ...(q.status ? { status: q.status } : {}),
        ...(q.pathway ? { pathway: q.pathway } : {}),
        ...(q.q ? { nameOrReference: searchWordsOf(q.q) } : {}),
      },
      { limit: q.limit, after: q.after },
    );
    const services = new Map((await w.tx.services.list()).map((s) => [s.id, s]));
    const items: CaseView[] = [];
    for (const c of page.items) items.push(await caseView(deps, w.tx, person, c, await w.tx.team.get(c.id, person.staffId), services.get(c.serviceId)));
    await w.audit({
      action: 'caseload.read',
      caseId: null,
      serviceId: q.service ?? null,
      detail: { cases: items.map((c) => c.reference), ...(q.q ? { searched: true } : {}) },
    });
    return { items, nextCursor: page.nextCursor };
  });
}
