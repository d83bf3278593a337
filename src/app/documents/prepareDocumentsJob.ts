import { DomainError } from '../../domain/errors.js';
import type { Deliverer } from '../../jobs/outboxWorker.js';
import type { PictureRasteriser } from '../../ports/pictureRasteriser.js';
import type { AppDeps } from '../deps.js';
import { prepareCasePublication } from './prepareCasePublication.js';
import { queueDocumentPublication } from './publishDocumentJob.js';
import { documentsPrepareSchema } from './queueCaseDocuments.js';
import { inTransaction, SYSTEM_ACTOR } from '../unitOfWork.js';

async function laterVersionApproved(deps: AppDeps, caseId: string, formulationNumber: number): Promise<boolean> {
  const formulations = await deps.store.transaction((tx) => tx.formulations.list(caseId));
  return formulations.some((f) => f.approvedAt !== null && f.number > formulationNumber);
}

/**
 * Makes the documents a `documents.prepare` job asks for (the approved formulation's report,
 * youth-friendly version and timeline picture; a review's record), then queues each for the
 * case's library, where file names that do not change between versions make each publication a
 * new version of the same file. Each document is named by this job and its file name, so a job
 * retried after its documents were queued (a crash before the job was marked done) queues nothing
 * twice and the library gets no extra version.
 */
export function caseDocumentsPreparer(deps: AppDeps, rasteriser: PictureRasteriser): Deliverer {
  return async (job) => {
    const parsed = documentsPrepareSchema.safeParse(job.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: 'the job does not say which documents to make' };
    const { caseId, trigger } = parsed.data;
    if (trigger.kind === 'formulation.approved' && (await laterVersionApproved(deps, caseId, trigger.formulationNumber))) {
      // This job waited (retries, a slow worker) while a later version was approved: filing this one
      // now would make it the library's newest version. The library shows the latest; the case keeps every version.
      return { ok: true };
    }
    let files;
    try {
      files = await prepareCasePublication(deps, rasteriser, caseId, trigger);
    } catch (error) {
      // The case was deleted, or the formulation or meeting is not there: trying again cannot help.
      if (error instanceof DomainError && error.code === 'not_found') return { ok: false, permanent: true, error: error.message };
      throw error;
    }
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
  };
}
