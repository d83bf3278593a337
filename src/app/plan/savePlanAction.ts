import type { Case } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import type { PlanAction } from '../../domain/planAction.js';
import type { Work } from '../unitOfWork.js';

/** Shared by the plan's verbs: every change is versioned, audited and announced on the case's stream. */
export async function savePlanAction(
  work: Work,
  caseRecord: Case,
  action: PlanAction,
  previousVersion: number | null,
  auditAction: string,
): Promise<PlanAction> {
  if (previousVersion === null) await work.tx.actions.insert(action);
  else if (!(await work.tx.actions.update(action, previousVersion))) throw staleVersion('The action', previousVersion);
  await work.audit({
    action: auditAction,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    detail: {
      reference: caseRecord.reference,
      actionId: action.id,
      recommendationId: action.recommendationId,
      status: action.status,
      owner: action.owner.kind === 'person' ? action.owner.staffId : action.owner.agency,
      dueBy: action.dueBy,
      version: action.version,
    },
  });
  await work.emit({ caseId: caseRecord.id, type: 'action.changed', data: action });
  return action;
}
