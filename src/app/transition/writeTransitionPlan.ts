import type { TransitionPlanView } from '../../contract/views.js';
import { assertOpenForWork } from '../../domain/case.js';
import { DomainError, staleVersion } from '../../domain/errors.js';
import type { ActionOwner } from '../../domain/planAction.js';
import type { Problem } from '../../domain/problems.js';
import type { Principal } from '../../domain/staff.js';
import { type TransitionPlan, transitionPlanProblems, transitionPlanSchema } from '../../domain/transitionPlan.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';
import { transitionPlanView } from './transitionPlanView.js';

/**
 * Writes the whole transition plan: which adult services join and by when, and who keeps each
 * relationship going until when. The first plan is written over version 0. A person named to keep
 * a relationship must be on the case team (an agency may be named instead while nobody is).
 * Audited by reference and counts only: the plan's words may name the child.
 */
export async function writeTransitionPlan(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  input: unknown,
  expectedVersion: number,
): Promise<TransitionPlanView> {
  const today = todayIn(deps.clock);
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'transition.write');
    assertOpenForWork(c);
    const current = await w.tx.transitionPlans.get(c.id);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) throw staleVersion('The transition plan', currentVersion);
    const change = parseInput(transitionPlanSchema, input, 'The transition plan', (raw) => transitionPlanProblems(raw, today, current));

    const team = new Map((await w.tx.team.list(c.id)).map((m) => [m.staffId, m]));
    const problems: Problem[] = [];
    const relationships = change.relationships.map((r, i) => {
      let keptBy: ActionOwner = { kind: 'agency', agency: r.keptByAgency ?? 'ecm_team' };
      if (r.keptById) {
        const m = team.get(r.keptById);
        if (!m) problems.push({ path: `relationships.${i}.keptById`, message: 'must be a member of the case team: invite them to the team first' });
        else keptBy = { kind: 'person', staffId: m.staffId, name: m.name, agency: m.agency };
      }
      return { relationship: r.relationship, keptBy, until: r.until };
    });
    if (problems.length) throw new DomainError('validation_failed', 'The transition plan is not valid.', problems);

    const plan: TransitionPlan = {
      caseId: c.id,
      joining: change.joining.map((j) => ({ service: j.service, detail: j.detail ?? null, joinBy: j.joinBy })),
      relationships,
      writtenBy: person.staffId,
      writtenByName: person.name,
      writtenAt: w.now,
      version: currentVersion + 1,
    };
    if (!(await w.tx.transitionPlans.save(plan, currentVersion))) throw staleVersion('The transition plan', currentVersion);
    await w.audit({
      action: current ? 'transition.updated' : 'transition.written',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, services: plan.joining.map((j) => j.service), relationships: plan.relationships.length, version: plan.version },
    });
    await w.emit({ caseId: c.id, type: 'transition.changed', data: plan });
    return transitionPlanView(c, plan, person, membership, today);
  });
}
