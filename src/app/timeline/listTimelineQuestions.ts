import type { TimelineQuestions } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import { questionListQuerySchema } from '../../domain/timelineQuestion.js';
import { agencyOnCase, can, caseFor, mayAnswer } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

/** The questions put to agencies on a case, open or answered, for anyone who may read the timeline. */
export async function listTimelineQuestions(deps: AppDeps, person: Principal, caseId: string, query: unknown): Promise<TimelineQuestions> {
  const q = parseInput(questionListQuerySchema, query, 'The question list query');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'timeline.read');
    const all = await w.tx.questions.list(c.id);
    const items = all.filter((x) => q.status === 'all' || (q.status === 'open' ? x.status === 'open' : x.status !== 'open'));
    await w.audit({ action: 'timeline.questions.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, questions: items.length } });
    return {
      items: items.map((x) => ({ ...x, mayAnswer: x.status === 'open' && mayAnswer(person, c, membership, x.agency) })),
      mayAsk: can(person, 'timeline.ask', c, membership),
      agency: agencyOnCase(person, membership),
    };
  });
}
