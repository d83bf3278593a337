import type { Case } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import { assertEvidenceExists, type Formulation, type FormulationContent } from '../../domain/formulation.js';
import type { Work } from '../unitOfWork.js';

/** Shared by the formulation verbs: every save is checked, versioned, kept, audited and announced. */
export async function saveFormulation(w: Work, c: Case, f: Formulation, previousVersion: number | null, action: string): Promise<Formulation> {
  if (previousVersion === null) await w.tx.formulations.insert(f);
  else if (!(await w.tx.formulations.update(f, previousVersion))) throw staleVersion('The formulation', previousVersion);
  await w.tx.formulations.addRevision({
    formulationId: f.id,
    number: f.number,
    version: f.version,
    status: f.status,
    content: f.content,
    savedBy: w.actor.staffId,
    savedByName: w.actor.name,
    savedAt: w.now,
  });
  await w.audit({
    action,
    caseId: c.id,
    serviceId: c.serviceId,
    detail: { reference: c.reference, formulation: f.number, version: f.version, status: f.status },
  });
  await w.emit({ caseId: c.id, type: f.status === 'approved' ? 'formulation.approved' : 'formulation.saved', data: f });
  return f;
}

export async function checkEvidence(w: Work, c: Case, content: FormulationContent): Promise<void> {
  assertEvidenceExists(content, await w.tx.timeline.liveIds(c.id));
}
