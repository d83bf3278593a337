import { assertIdentified } from '../../domain/case.js';
import { notFound } from '../../domain/errors.js';
import { retainUntil } from '../../domain/retention.js';
import type { SummaryKind } from '../../domain/summary.js';
import { nextReviewOf } from '../../documents/nextMeeting.js';
import type { PreparedDocument } from '../../documents/publishSet.js';
import { SUMMARY_DOCUMENTS } from '../../documents/summaryNames.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { assembleDossier } from '../documents/loadCaseDossier.js';
import { inTransaction, SYSTEM_ACTOR } from '../unitOfWork.js';
import { wordingOf } from './summaryFile.js';

/** A summary's approval, as the documents.prepare job carries it. */
export type SummaryTrigger = { kind: 'summary.approved'; summaryKind: SummaryKind; number: number };

/**
 * The approved summary's Word file with its library metadata, made by the system when the job
 * runs (the read audited like any other). Null when a later wording has been approved since: filing
 * this one now would make it the library's newest version.
 */
export async function prepareSummaryPublication(deps: AppDeps, caseId: string, trigger: SummaryTrigger): Promise<PreparedDocument[] | null> {
  const found = await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
    const c = await w.tx.cases.get(caseId);
    if (!c) throw notFound('That case');
    assertIdentified(c);
    const summary = await w.tx.summaries.get(c.id, trigger.summaryKind);
    if (!summary?.approved || summary.approved.number < trigger.number) throw notFound(`Version ${trigger.number} of the summary`);
    if (summary.approved.number > trigger.number) return null;
    const dossier = await assembleDossier(w.tx, c, todayIn(deps.clock));
    await w.audit({
      action: 'documents.generated',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, document: 'publication', trigger: trigger.kind, summary: trigger.summaryKind },
    });
    return { c, summary, dossier };
  });
  if (!found) return null;
  const { c, summary, dossier } = found;
  // The Word library (docx) loads with the first document made, not with the server.
  const { summaryDocument } = await import('../../documents/summaryDocument.js');
  const file = await summaryDocument(c, dossier.service.name, trigger.summaryKind, wordingOf(summary, 'approved'));
  return [
    {
      ...file,
      metadata: {
        caseReference: c.reference,
        documentType: SUMMARY_DOCUMENTS[trigger.summaryKind].documentType,
        version: `v${trigger.number}`,
        reviewDate: nextReviewOf(dossier)?.date ?? null,
        retainUntil: retainUntil(c, dossier.service.settings.retention),
      },
    },
  ];
}
