import { birthOf } from '../../domain/case.js';
import { lifeStageAt } from '../../domain/lifeStage.js';
import type { Principal } from '../../domain/staff.js';
import { coverageOf, type TimelineCoverage } from '../../domain/timelineCoverage.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

/** Who knows what about the child's life: the jigsaw, for anyone who may read the timeline. */
export async function showTimelineCoverage(deps: AppDeps, person: Principal, caseId: string): Promise<TimelineCoverage> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'timeline.read');
    const [counts, team, questions] = await Promise.all([w.tx.timeline.coverage(c.id), w.tx.team.list(c.id), w.tx.questions.list(c.id)]);
    const coverage = coverageOf(counts, team, lifeStageAt(birthOf(c), todayIn(deps.clock)), questions);
    await w.audit({ action: 'timeline.coverage.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, gaps: coverage.gaps.length } });
    return coverage;
  });
}
