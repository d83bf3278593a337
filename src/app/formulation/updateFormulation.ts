import { assertOpenForWork } from '../../domain/case.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import { type Formulation, formulationContentSchema } from '../../domain/formulation.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { checkEvidence, saveFormulation } from './saveFormulation.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

/** Saves the draft. An approved formulation is never changed: a new version is drafted instead. */
export async function updateFormulation(deps: AppDeps, person: Principal, caseId: string, input: unknown, expectedVersion: number): Promise<Formulation> {
  const content = parseInput(formulationContentSchema, input, 'The formulation');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'formulation.write');
    assertOpenForWork(c);
    const current = await w.tx.formulations.current(c.id);
    if (!current) throw notFound('A formulation for this case');
    if (current.status === 'approved') throw ruleViolation(`Version ${current.number} is approved and is kept as it is; draft a new version to revise it.`);
    if (current.version !== expectedVersion) throw staleVersion('The formulation', current.version);
    await checkEvidence(w, c, content);
    return saveFormulation(
      w,
      c,
      { ...current, content, updatedBy: person.staffId, updatedAt: w.now, version: current.version + 1 },
      current.version,
      'formulation.updated',
    );
  });
}
