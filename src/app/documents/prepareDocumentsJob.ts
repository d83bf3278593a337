import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { PreparedDocument, PublishTrigger } from '../../documents/publishSet.js';
import { todayIn } from '../../ports/clock.js';
import type { JobKind } from '../../ports/outbox.js';
import type { AppDeps } from '../deps.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';
import { assembleDossier, assembleDossierOfVersion } from './loadCaseDossier.js';
import { queueDocumentPublication } from './publishDocumentJob.js';

/**
 * documents.prepare: makes a case's documents after a formulation is approved or a review's outcome
 * is recorded, and queues each for the case's library (publishDocumentJob.ts files them). Making a
 * Word file takes about half a second, far too long to hold the approving transaction open, so the
 * approval only commits this job; the worker makes the files afterwards.
 *
 * The path of an approval, top to bottom: approveFormulation queues this job → the outbox worker
 * runs `deliver` below → the documents are made from the record → each is queued as a
 * document.publish job → that job puts it through the DocumentLibrary port (SharePoint or a folder).
 */
export const DOCUMENTS_PREPARE_KIND = 'documents.prepare';

export const documentsPrepareSchema = z
  .object({
    caseId: z.string().uuid(),
    trigger: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('formulation.approved'), formulationNumber: z.number().int().positive() }).strict(),
      z.object({ kind: z.literal('review.recorded'), meetingId: z.string().uuid() }).strict(),
    ]),
  })
  .strict();
export type DocumentsPrepare = { caseId: string; trigger: PublishTrigger };

const keyOf = (t: PublishTrigger) => (t.kind === 'formulation.approved' ? `formulation:${t.formulationNumber}` : `review:${t.meetingId}`);

/**
 * Queues the publication of what `trigger` produced, in the caller's transaction: the documents are
 * made if and only if the approval (or the review's outcome) commits, and once per trigger.
 */
export async function queueCaseDocuments(work: Pick<Work, 'enqueue'>, caseRecord: Case, trigger: PublishTrigger): Promise<void> {
  const payload: DocumentsPrepare = { caseId: caseRecord.id, trigger };
  await work.enqueue({
    kind: DOCUMENTS_PREPARE_KIND,
    payload,
    caseId: caseRecord.id,
    serviceId: caseRecord.serviceId,
    dedupeKey: `${DOCUMENTS_PREPARE_KIND}:${caseRecord.id}:${keyOf(trigger)}`,
  });
}

/**
 * The documents to publish for a case, made by the system when publishing is due: no person's
 * access to check, but the read is audited like any other. Null when a later version of the
 * formulation has been approved since the trigger: filing this one now would make it the
 * library's newest version. The library shows the latest; the case keeps every version.
 */
export async function prepareCasePublication(deps: AppDeps, caseId: string, trigger: PublishTrigger): Promise<PreparedDocument[] | null> {
  const dossiers = await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
    const c = await w.tx.cases.get(caseId);
    if (!c) throw notFound('That case');
    const today = todayIn(deps.clock);
    const live = await assembleDossier(w.tx, c, today);
    if (trigger.kind === 'formulation.approved' && live.formulations.some((f) => f.approvedAt !== null && f.number > trigger.formulationNumber)) return null;
    // An approved version's documents are made from the record kept at its approval.
    const ofVersion = trigger.kind === 'formulation.approved' ? await assembleDossierOfVersion(w.tx, c, today, trigger.formulationNumber) : undefined;
    await w.audit({
      action: 'documents.generated',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, document: 'publication', trigger: trigger.kind },
    });
    return { live, ofVersion };
  });
  if (!dossiers) return null;
  // The Word library (docx) loads with the first document made, not with the server.
  const { documentsToPublish } = await import('../../documents/publishSet.js');
  return documentsToPublish(dossiers.live, trigger, (svg, width) => deps.rasteriser.toPng(svg, width), dossiers.ofVersion);
}

/**
 * Makes the documents a job asks for (the approved formulation's report, youth-friendly version and
 * timeline picture; a review's record), then queues each for the case's library, where file names
 * that do not change between versions make each publication a new version of the same file. Each
 * document is named by this job and its file name, so a job retried after its documents were queued
 * (a crash before the job was marked done) queues nothing twice and the library gets no extra version.
 */
export const prepareDocumentsJob: JobKind<DocumentsPrepare, AppDeps> = {
  kind: DOCUMENTS_PREPARE_KIND,
  payload: documentsPrepareSchema,
  malformed: 'the job does not say which documents to make',
  async deliver(deps, { caseId, trigger }, job) {
    let files;
    try {
      files = await prepareCasePublication(deps, caseId, trigger);
    } catch (error) {
      // The case was deleted, or the formulation or meeting is not there: trying again cannot help.
      if (error instanceof DomainError && error.code === 'not_found') return { ok: false, permanent: true, error: error.message };
      throw error;
    }
    if (!files) return { ok: true };
    await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
      const c = await w.tx.cases.get(caseId);
      if (!c) return;
      for (const f of files) {
        await queueDocumentPublication(
          w,
          c,
          {
            fileName: f.fileName,
            content: new Uint8Array(f.content),
            documentType: f.metadata.documentType,
            version: f.metadata.version,
            reviewDate: f.metadata.reviewDate,
            retainUntil: f.metadata.retainUntil,
          },
          { key: `${job.id}:${f.fileName}` },
        );
      }
    });
    return { ok: true };
  },
};
