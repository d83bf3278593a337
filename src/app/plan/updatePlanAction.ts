import { assertOpenForWork } from '../../domain/case.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import { type ActionOwner, assertDueAfterApproval, ownsAction, type PlanAction, planActionChangeSchema, reassigns } from '../../domain/planAction.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { assertAllowed, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { savePlanAction } from './savePlanAction.js';

/**
 * Changes one action of the plan: its owner updates how it is going; the ECM team also names its
 * owner and its "by when". Refused with nothing stored when the owner is not on the case team or
 * the date falls before the formulation's approval.
 */
export async function updatePlanAction(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  actionId: string,
  input: unknown,
  expectedVersion: number,
): Promise<PlanAction> {
  const change = parseInput(planActionChangeSchema, input, 'The action');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'actions.read');
    const current = await w.tx.actions.get(c.id, actionId);
    if (!current) throw notFound('That action');
    assertAllowed(person, 'action.update', c, membership, ownsAction(current, person.staffId) ? person.staffId : '');
    if (reassigns(change)) assertAllowed(person, 'action.assign', c, membership);
    assertOpenForWork(c);
    if (current.version !== expectedVersion) throw staleVersion('The action', current.version);

    let owner: ActionOwner = current.owner;
    if (change.ownerId) {
      const member = await w.tx.team.get(c.id, change.ownerId);
      if (!member) throw ruleViolation('The owner must be a member of the case team: invite them to the team first.', { field: 'ownerId' });
      owner = { kind: 'person', staffId: member.staffId, name: member.name, agency: member.agency };
    } else if (change.ownerId === null || change.ownerAgency) {
      owner = { kind: 'agency', agency: change.ownerAgency ?? current.owner.agency };
    }
    const dueBy = change.dueBy === undefined ? current.dueBy : change.dueBy;
    if (change.dueBy !== undefined) {
      const approved = await w.tx.formulations.get(c.id, current.formulationNumber);
      if (approved?.approvedAt) assertDueAfterApproval(dueBy, todayIn({ now: () => new Date(approved.approvedAt!) }));
    }
    const status = change.status ?? current.status;
    const next: PlanAction = {
      ...current,
      owner,
      dueBy,
      status,
      stoppedBecause: status === 'stopped' ? (change.stoppedBecause ?? current.stoppedBecause) : null,
      updatedBy: person.staffId,
      updatedByName: person.name,
      updatedAt: w.now,
      version: current.version + 1,
    };
    return savePlanAction(w, c, next, current.version, 'action.updated');
  });
}
