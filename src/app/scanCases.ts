import type { Case, CaseStatus } from '../domain/case.js';
import type { AppDeps } from './deps.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from './unitOfWork.js';

const PAGE = 200;

/**
 * The background scans' walk over every case in the given states, as the system, a page per
 * transaction so a long walk never holds one open. `visit` returns how much it queued; the sum is
 * returned for the scan's log line.
 */
export async function scanCases(deps: AppDeps, status: CaseStatus[], visit: (work: Work, caseRecord: Case) => Promise<number>): Promise<number> {
  let queued = 0;
  let after: string | undefined;
  do {
    const page = await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
      const found = await w.tx.cases.list({ status }, { limit: PAGE, after });
      for (const c of found.items) queued += await visit(w, c);
      return found;
    });
    after = page.nextCursor ?? undefined;
  } while (after);
  return queued;
}
