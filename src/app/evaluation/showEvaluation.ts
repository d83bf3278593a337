import { type EvaluationFigures, evaluationFigures } from '../../domain/evaluation.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { evaluationRecords } from './evaluationRecords.js';

/** The evaluation view's figures across the services the ECM team serves: counts only, no case is named. */
export async function showEvaluation(deps: AppDeps, person: Principal): Promise<EvaluationFigures> {
  return inTransaction(deps, person, async (w) => {
    const { services, records } = await evaluationRecords(w, person, 'evaluation.read');
    return evaluationFigures(
      records,
      services.map((s) => s.id),
      todayIn(deps.clock),
    );
  });
}
