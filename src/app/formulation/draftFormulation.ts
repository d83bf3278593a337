import { assertOpenForWork } from '../../domain/case.js';
import { DomainError } from '../../domain/errors.js';
import { emptyFormulation, type Formulation, formulationContentSchema } from '../../domain/formulation.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { checkEvidence, saveFormulation } from './saveFormulation.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * Starts a new version of the formulation: the first one, or the next after an approved one (which
 * it starts from, so a review revises rather than retypes).
 */
export async function draftFormulation(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<Formulation> {
  const given = input === undefined || input === null ? null : parseInput(formulationContentSchema, input, 'The formulation');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'formulation.write');
    assertOpenForWork(c);
    const current = await w.tx.formulations.current(c.id);
    if (current?.status === 'draft') {
      throw new DomainError('conflict', `Version ${current.number} of the formulation is still a draft: carry on with it.`, { number: current.number });
    }
    const content = given ?? (current ? current.content : emptyFormulation());
    await checkEvidence(w, c, content);
    const f: Formulation = {
      id: w.newId(),
      caseId: c.id,
      number: (current?.number ?? 0) + 1,
      status: 'draft',
      content,
      createdBy: person.staffId,
      updatedBy: person.staffId,
      updatedAt: w.now,
      approvedBy: null,
      approvedByName: null,
      approvedAt: null,
      version: 1,
    };
    return saveFormulation(w, c, f, null, 'formulation.drafted');
  });
}
