import { Router } from 'express';
import { confirmCaseDeletion } from '../../app/retention/confirmCaseDeletion.js';
import type { AppDeps } from '../../app/deps.js';
import { exportOutcomes } from '../../app/oversight/exportOutcomes.js';
import { listCasesPastRetention } from '../../app/retention/listCasesPastRetention.js';
import { setRetentionPolicy, showRetentionPolicy } from '../../app/retention/setRetentionPolicy.js';
import { setAgreementRules, showAgreementRules } from '../../app/services/setAgreementRules.js';
import { principal } from '../auth.js';
import { sendFile } from './documents.js';

/** A service's outcome export, its retention periods and agreement rules, and the administrator's retention review. */
export function oversightRoutes(deps: AppDeps): Router {
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

  r.get('/services/:serviceId/agreement-rules', async (req, res) => {
    res.json(await showAgreementRules(deps, principal(res), req.params.serviceId));
  });

  r.put('/services/:serviceId/agreement-rules', async (req, res) => {
    res.json(await setAgreementRules(deps, principal(res), req.params.serviceId, req.body));
  });

  r.get('/retention/cases-due', async (req, res) => {
    res.json({ items: await listCasesPastRetention(deps, principal(res), req.query) });
  });

  r.post('/retention/cases-due/:caseId/deletion', async (req, res) => {
    res.json(await confirmCaseDeletion(deps, principal(res), req.params.caseId, req.body));
  });

  return r;
}
