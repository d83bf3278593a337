import { assertIdentified, assertOpenForWork } from '../../domain/case.js';
import { notFound, ruleViolation, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { assertSummaryComplete, assertSummaryUnnamed, type Summary, summaryKindOfSlug } from '../../domain/summary.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { queueCaseDocuments } from '../documents/prepareDocumentsJob.js';
import { inTransaction } from '../unitOfWork.js';
import { kindOrNotFound } from './currentSummary.js';

/**
 * Only a psychologist approves the wording. The approval commits a job that makes the Word file
 * and files it in the case's folder of the service's library: a new version of the same file each
 * time, so the court and adult services always find the newest approved wording there.
 */
export async function approveSummary(deps: AppDeps, person: Principal, caseId: string, slug: string, expectedVersion: number): Promise<Summary> {
  const kind = kindOrNotFound(summaryKindOfSlug(slug));
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'summary.approve');
    assertOpenForWork(c);
    const current = await w.tx.summaries.get(c.id, kind);
    if (!current) throw notFound('A saved draft of the summary');
    if (current.version !== expectedVersion) throw staleVersion('The summary', current.version);
    if (current.status === 'approved')
      throw ruleViolation(`Version ${current.approved?.number ?? 1} of the summary is already approved; change the wording to approve a new one.`);
    assertSummaryComplete(kind, current.sections);
    assertIdentified(c);
    assertSummaryUnnamed(kind, current.sections, c.childName);
    const approved: Summary = {
      ...current,
      status: 'approved',
      approved: {
        number: (current.approved?.number ?? 0) + 1,
        sections: current.sections,
        formulationNumber: current.formulationNumber,
        approvedBy: person.staffId,
        approvedByName: person.name,
        approvedAt: w.now,
      },
      updatedBy: person.staffId,
      updatedByName: person.name,
      updatedAt: w.now,
      version: current.version + 1,
    };
    if (!(await w.tx.summaries.update(approved, current.version))) throw staleVersion('The summary', current.version);
    const number = approved.approved!.number;
    await w.audit({
      action: 'summary.approved',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, kind, number, version: approved.version },
    });
    await w.emit({ caseId: c.id, type: 'summary.approved', data: approved });
    await queueCaseDocuments(w, c, { kind: 'summary.approved', summaryKind: kind, number });
    return approved;
  });
}
