import type { Case } from '../../domain/case.js';
import type { Formulation } from '../../domain/formulation.js';
import { type PlanAction, planAfterApproval, UNNAMED_OWNER } from '../../domain/planAction.js';
import type { Work } from '../unitOfWork.js';
import { savePlanAction } from './savePlanAction.js';

/**
 * Turns an approved formulation's recommendations into the plan's actions, in the same unit of
 * work as the approval: the plan is never behind what the psychologist signed.
 */
export async function planAtApproval(work: Work, caseRecord: Case, approved: Formulation): Promise<void> {
  const stamp = { updatedBy: work.actor.staffId, updatedByName: work.actor.name, updatedAt: work.now };
  const existing = await work.tx.actions.list(caseRecord.id);
  const { added, changed } = planAfterApproval(
    existing,
    approved.content.recommendations,
    approved.number,
    (rec, place): PlanAction => ({
      id: work.newId(),
      caseId: caseRecord.id,
      recommendationId: rec.id,
      formulationNumber: approved.number,
      text: rec.text,
      trmLevel: rec.trmLevel,
      relationshipBased: rec.relationshipBased,
      sequence: place,
      owner: UNNAMED_OWNER,
      dueBy: null,
      status: 'planned',
      stoppedBecause: null,
      ...stamp,
      version: 1,
      addedAtMeetingId: null,
    }),
    (a) => ({ ...a, ...stamp, version: a.version + 1 }),
  );
  for (const a of added) await savePlanAction(work, caseRecord, a, null, 'action.planned');
  for (const a of changed) await savePlanAction(work, caseRecord, a, a.version - 1, 'action.replanned');
}
