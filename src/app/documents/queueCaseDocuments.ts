import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import type { PublishTrigger } from '../../documents/publishSet.js';
import type { Work } from '../unitOfWork.js';

/**
 * The outbox kind that makes a case's documents and queues each for its library. Making a Word
 * file takes about half a second, far too long to hold the approving transaction open, so the
 * approval only commits this job; the worker makes the files afterwards (deliverCaseDocuments.ts).
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
export async function queueCaseDocuments(w: Pick<Work, 'enqueue'>, c: Case, trigger: PublishTrigger): Promise<void> {
  const payload: DocumentsPrepare = { caseId: c.id, trigger };
  await w.enqueue({
    kind: DOCUMENTS_PREPARE_KIND,
    payload,
    caseId: c.id,
    serviceId: c.serviceId,
    dedupeKey: `${DOCUMENTS_PREPARE_KIND}:${c.id}:${keyOf(trigger)}`,
  });
}
