import type { Case } from '../../domain/case.js';
import { staleVersion } from '../../domain/errors.js';
import { assertEvidenceExists, type Formulation, type FormulationContent } from '../../domain/formulation.js';
import type { Work } from '../unitOfWork.js';

/** Shared by the formulation verbs: every save is checked, versioned, kept, audited and announced. */
export async function saveFormulation(
  work: Work,
  caseRecord: Case,
  formulation: Formulation,
  previousVersion: number | null,
  action: string,
): Promise<Formulation> {
  if (previousVersion === null) await work.tx.formulations.insert(formulation);
  else if (!(await work.tx.formulations.update(formulation, previousVersion))) throw staleVersion('The formulation', previousVersion);
  await work.tx.formulations.addRevision({
    formulationId: formulation.id,
    number: formulation.number,
    version: formulation.version,
    status: formulation.status,
    content: formulation.content,
    savedBy: work.actor.staffId,
    savedByName: work.actor.name,
    savedAt: work.now,
  });
  await work.audit({
    action,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    detail: { reference: caseRecord.reference, formulation: formulation.number, version: formulation.version, status: formulation.status },
  });
  await work.emit({ caseId: caseRecord.id, type: formulation.status === 'approved' ? 'formulation.approved' : 'formulation.saved', data: formulation });
  return formulation;
}

export async function checkEvidence(work: Work, caseRecord: Case, content: FormulationContent): Promise<void> {
  assertEvidenceExists(content, await work.tx.timeline.liveIds(caseRecord.id));
}
