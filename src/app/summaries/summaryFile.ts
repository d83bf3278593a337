import { z } from 'zod';
import { assertIdentified } from '../../domain/case.js';
import type { Principal } from '../../domain/staff.js';
import { type Summary, summaryKindOfSlug } from '../../domain/summary.js';
import type { CaseDocumentFile } from '../../documents/dossier.js';
import type { SummaryWording } from '../../documents/summaryDocument.js';
import { SUMMARY_DOCUMENTS } from '../../documents/summaryNames.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';
import { currentSummary, kindOrNotFound } from './currentSummary.js';

/** Which wording to download: the newest approved (the default once there is one) or the draft being worked on. */
const wordingQuery = z.object({ wording: z.enum(['approved', 'draft']).optional() }).strict();

/** The wording a summary's file is made of. */
export function wordingOf(s: Summary, which: 'approved' | 'draft'): SummaryWording {
  const a = s.approved;
  if (which === 'approved' && a) {
    return {
      sections: a.sections,
      formulationNumber: a.formulationNumber,
      approval: { number: a.number, approvedByName: a.approvedByName, approvedAt: a.approvedAt },
    };
  }
  const current = s.status === 'approved' && a ? { number: a.number, approvedByName: a.approvedByName, approvedAt: a.approvedAt } : null;
  return { sections: s.sections, formulationNumber: s.formulationNumber, approval: current };
}

/** The summary as a Word file, made now, for those who read the case documents; the read is audited. */
export async function downloadSummary(deps: AppDeps, person: Principal, caseId: string, slug: string, query: unknown): Promise<CaseDocumentFile> {
  const { wording } = parseInput(wordingQuery, query, 'The query');
  const made = await inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'summary.read');
    assertIdentified(c);
    const kind = kindOrNotFound(summaryKindOfSlug(slug));
    const summary = await currentSummary(w.tx, c, kind, w.now);
    const service = await serviceOf(w.tx, c.serviceId);
    const which = wording ?? (summary.approved ? 'approved' : 'draft');
    await w.audit({
      action: 'documents.generated',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, document: SUMMARY_DOCUMENTS[kind].documentType, wording: which },
    });
    return { c, serviceName: service.name, kind, wording: wordingOf(summary, which) };
  });
  // Made outside the transaction: a Word file takes longer than a read should hold one open.
  // The Word library (docx) loads with the first document made, not with the server.
  const { summaryDocument } = await import('../../documents/summaryDocument.js');
  return summaryDocument(made.c, made.serviceName, made.kind, made.wording);
}
