import { assertIdentified, assertOpenForWork } from '../../domain/case.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import { assertReadyForApproval, assertYouthFriendlyUnnamed, type Formulation } from '../../domain/formulation.js';
import type { Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { checkEvidence, saveFormulation } from './saveFormulation.js';
import { keepRecordAtApproval } from '../documents/loadCaseDossier.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { queueCaseDocuments } from '../documents/prepareDocumentsJob.js';
import { planAtApproval } from '../plan/planAtApproval.js';
import { inTransaction } from '../unitOfWork.js';

/** Only a psychologist approves; the team hears of it, and the documents go to the service's library. */
export async function approveFormulation(deps: AppDeps, person: Principal, caseId: string, expectedVersion: number): Promise<Formulation> {
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'formulation.approve');
    assertOpenForWork(c);
    assertIdentified(c);
    const current = await w.tx.formulations.current(c.id);
    if (!current) throw notFound('A formulation for this case');
    if (current.status === 'approved') throw ruleViolation(`Version ${current.number} is already approved.`);
    if (current.version !== expectedVersion) throw staleVersion('The formulation', current.version);
    assertReadyForApproval(current.content);
    assertYouthFriendlyUnnamed(current.content, c.childName);
    await checkEvidence(w, c, current.content);
    const approved: Formulation = {
      ...current,
      status: 'approved',
      approvedBy: person.staffId,
      approvedByName: person.name,
      approvedAt: w.now,
      updatedBy: person.staffId,
      updatedAt: w.now,
      version: current.version + 1,
    };
    await saveFormulation(w, c, approved, current.version, 'formulation.approved');
    // Each recommendation becomes an action someone owns, so the team stays accountable between meetings.
    await planAtApproval(w, c, approved);
    // What was approved is kept as it stands now: this version's documents say it on any later day.
    await keepRecordAtApproval(w.tx, c, approved);
    // The report, youth-friendly version and timeline picture are made after this commits.
    await queueCaseDocuments(w, c, { kind: 'formulation.approved', formulationNumber: approved.number });
    for (const member of await w.tx.team.list(c.id)) {
      if (member.staffId === person.staffId) continue;
      await queueNotification(
        w,
        member.staffId,
        { kind: 'formulation.approved', caseId: c.id, formulationNumber: approved.number },
        `formulation-approved:${approved.id}`,
        c.serviceId,
      );
    }
    return approved;
  });
}
