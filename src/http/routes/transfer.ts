import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { showTransferOptions } from '../../app/transfer/showTransferOptions.js';
import { transferCase } from '../../app/transfer/transferCase.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** Moving a case to another service: what the form offers, and the move itself. */
export function transferRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/cases/:caseId/transfer', async (req, res) => {
    res.json(await showTransferOptions(deps, principal(res), req.params.caseId));
  });
  r.post('/cases/:caseId/transfer', async (req, res) => {
    sendVersioned(res, await transferCase(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });
  return r;
}
