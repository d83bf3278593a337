import type { ReviewStatus } from '../../domain/reviewCadence.js';
import type { Principal } from '../../domain/staff.js';
import type { AppDeps } from '../deps.js';
import { listCaseload } from '../case/listCaseload.js';

export interface ReviewDue {
  caseId: string;
  reference: string;
  review: ReviewStatus;
}

/** Pages enough for any one person's caseload; beyond it the tab's dashboard is the place to look. */
const MAX_PAGES = 10;

/** "Reviews due": the active cases this person may see whose review is due within the reminder window or overdue, soonest first. */
export async function listReviewsDue(deps: AppDeps, person: Principal): Promise<ReviewDue[]> {
  const due: ReviewDue[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await listCaseload(deps, person, { status: 'active', limit: '200', ...(after ? { after } : {}) });
    for (const c of items) {
      if (c.review && c.review.state !== 'not_due') due.push({ caseId: c.id, reference: c.reference, review: c.review });
    }
    if (!nextCursor) break;
    after = nextCursor;
  }
  return due.sort((a, b) => a.review.nextReviewDue.localeCompare(b.review.nextReviewDue) || a.reference.localeCompare(b.reference));
}
