import { type Request, type Response, Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { generateCaseDocument } from '../../app/documents/generateCaseDocument.js';
import type { CaseDocumentFile } from '../../documents/dossier.js';
import { principal } from '../auth.js';

/** Sends a generated file for download, named by case reference only. */
export function sendFile(res: Response, file: Pick<CaseDocumentFile, 'fileName' | 'contentType'> & { content: Uint8Array | string }): void {
  res
    .status(200)
    .set('Content-Type', file.contentType)
    .set('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .send(typeof file.content === 'string' ? file.content : Buffer.from(file.content));
}

/** The case documents, made from the record on request (the same functions publishing uses). */
export function documentRoutes(deps: AppDeps): Router {
  const r = Router();
  const serve = (document: string) => async (req: Request, res: Response) => {
    // The path decides the document: the query only adds options (a version), never overrides it.
    const request = { ...(req.query as Record<string, unknown>), document, ...(req.params.meetingId ? { meetingId: req.params.meetingId } : {}) };
    sendFile(res, await generateCaseDocument(deps, principal(res), String(req.params.caseId), request));
  };
  r.get('/cases/:caseId/documents/formulation-report', serve('formulation_report'));
  r.get('/cases/:caseId/documents/youth-friendly-formulation', serve('youth_friendly_formulation'));
  r.get('/cases/:caseId/documents/timeline-picture', serve('timeline_picture'));
  r.get('/cases/:caseId/meetings/:meetingId/review-record', serve('review_record'));
  return r;
}
