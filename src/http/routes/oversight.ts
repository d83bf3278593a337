import { Router } from 'express';
import { confirmCaseDeletion } from '../../app/retention/confirmCaseDeletion.js';
import type { AppDeps } from '../../app/deps.js';
import { exportOutcomes } from '../../app/oversight/exportOutcomes.js';
import { listCasesPastRetention } from '../../app/retention/listCasesPastRetention.js';
import { setRetentionPolicy, showRetentionPolicy } from '../../app/retention/setRetentionPolicy.js';
import { DomainError } from '../../domain/errors.js';
import type { DocumentLibrary } from '../../ports/documentLibrary.js';
import { principal } from '../auth.js';
import { sendFile } from './documents.js';

/** A service's outcome export, its retention periods, and the administrator's retention review. */
export function oversightRoutes(deps: AppDeps, library: DocumentLibrary | null): Router {
  const r = Router();

  r.get('/services/:serviceId/outcomes.csv', async (req, res) => {
    const exported = await exportOutcomes(deps, principal(res), req.params.serviceId, req.query);
    sendFile(res, { fileName: exported.fileName, contentType: 'text/csv; charset=utf-8', content: exported.csv });
  });

  r.get('/services/:serviceId/retention', async (req, res) => {
    res.json(await showRetentionPolicy(deps, principal(res), req.params.serviceId));
  });

  r.put('/services/:serviceId/retention', async (req, res) => {
    res.json(await setRetentionPolicy(deps, principal(res), req.params.serviceId, req.body));
  });

  r.get('/retention/cases-due', async (req, res) => {
    res.json({ items: await listCasesPastRetention(deps, principal(res), req.query) });
  });

  r.post('/retention/cases-due/:caseId/deletion', async (req, res) => {
    // Deleting a case deletes its library folder too: without a library, nothing is deleted.
    if (!library) throw new DomainError('unavailable', 'No document library is configured, so cases cannot be deleted yet.');
    res.json(await confirmCaseDeletion(deps, library, principal(res), req.params.caseId, req.body));
  });

  return r;
}
