import { Router } from 'express';
import { continueAsFullCase } from '../../app/consultation/continueAsFullCase.js';
import { identifyConsultation } from '../../app/consultation/identifyConsultation.js';
import { recordConsultationMeeting } from '../../app/consultation/recordConsultationMeeting.js';
import { requestConsultation } from '../../app/consultation/requestConsultation.js';
import type { AppDeps } from '../../app/deps.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** Consultations before and outside court: asked for, met on, identified with agreement, made a full case. */
export function consultationRoutes(deps: AppDeps): Router {
  const r = Router();

  r.post('/consultations', async (req, res) => {
    const view = await requestConsultation(deps, principal(res), req.body);
    res.location(`/api/v1/cases/${view.id}`);
    sendVersioned(res, view, 201);
  });

  r.post('/cases/:caseId/consultation/meetings', async (req, res) => {
    sendVersioned(res, await recordConsultationMeeting(deps, principal(res), req.params.caseId, req.body), 201);
  });

  r.post('/cases/:caseId/consultation/identification', async (req, res) => {
    sendVersioned(res, await identifyConsultation(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });

  r.post('/cases/:caseId/consultation/full-case', async (req, res) => {
    sendVersioned(res, await continueAsFullCase(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });

  return r;
}
