import { Router } from 'express';
import type { AppDeps } from '../../app/deps.js';
import { exportEvaluation } from '../../app/evaluation/exportEvaluation.js';
import { showEvaluation } from '../../app/evaluation/showEvaluation.js';
import { principal } from '../auth.js';
import { sendFile } from './documents.js';

/** The ECM team's evaluation across the services it serves: the view's figures and the pseudonymised export. */
export function evaluationRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/evaluation', async (_req, res) => {
    res.json(await showEvaluation(deps, principal(res)));
  });
  r.get('/evaluation/export', async (_req, res) => {
    const exported = await exportEvaluation(deps, principal(res));
    sendFile(res, { fileName: exported.fileName, contentType: 'text/csv; charset=utf-8', content: exported.csv });
  });
  return r;
}
