import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { listCaseDocuments } from '../../app/documents/listCaseDocuments.js';
import { listUndeliveredForCase, listUndeliveredForService } from '../../app/oversight/listUndelivered.js';
import { retryUndelivered } from '../../app/oversight/retryUndelivered.js';
import { showServiceLibrary } from '../../app/oversight/showServiceLibrary.js';
import { principal } from '../auth.js';

/** Published case documents, the service's library, and what has not been delivered yet. */
export function libraryRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/cases/:caseId/documents', async (req, res) => {
    res.json({ items: await listCaseDocuments(deps, principal(res), req.params.caseId) });
  });
  r.get('/cases/:caseId/undelivered', async (req, res) => {
    res.json(await listUndeliveredForCase(deps, principal(res), req.params.caseId, req.query));
  });
  r.get('/services/:serviceId/undelivered', async (req, res) => {
    res.json(await listUndeliveredForService(deps, principal(res), req.params.serviceId, req.query));
  });
  r.post('/services/:serviceId/undelivered/retry', async (req, res) => {
    res.json(await retryUndelivered(deps, principal(res), req.params.serviceId, req.body));
  });
  r.get('/services/:serviceId/library', async (req, res) => {
    res.json({ items: await showServiceLibrary(deps, principal(res), req.params.serviceId) });
  });
  return r;
}
