import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { approveSummary } from '../../app/summaries/approveSummary.js';
import { saveSummary } from '../../app/summaries/saveSummary.js';
import { showSummary } from '../../app/summaries/showSummary.js';
import { downloadSummary } from '../../app/summaries/summaryFile.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';
import { sendFile } from './documents.js';

/** The summaries for a court and for adult services: drafted, approved by a psychologist, published, downloaded. */
export function summaryRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/cases/:caseId/summaries/:kind', async (req, res) => {
    sendVersioned(res, await showSummary(deps, principal(res), req.params.caseId, req.params.kind));
  });
  r.put('/cases/:caseId/summaries/:kind', async (req, res) => {
    sendVersioned(res, await saveSummary(deps, principal(res), req.params.caseId, req.params.kind, req.body, expectedVersion(req)));
  });
  r.post('/cases/:caseId/summaries/:kind/approve', async (req, res) => {
    sendVersioned(res, await approveSummary(deps, principal(res), req.params.caseId, req.params.kind, expectedVersion(req)));
  });
  r.get('/cases/:caseId/summaries/:kind/document', async (req, res) => {
    sendFile(res, await downloadSummary(deps, principal(res), req.params.caseId, req.params.kind, req.query));
  });
  return r;
}
