import { Router } from 'express';
import { z } from 'zod';
import { approveFormulation } from '../../app/formulation/approveFormulation.js';
import type { AppDeps } from '../../app/deps.js';
import { draftFormulation } from '../../app/formulation/draftFormulation.js';
import { parseInput } from '../../app/input.js';
import { listTrmPlacements } from '../../app/trm/listTrmPlacements.js';
import { recordTrmPlacement } from '../../app/trm/recordTrmPlacement.js';
import { showFormulation, showFormulationRevisions } from '../../app/formulation/showFormulation.js';
import { updateFormulation } from '../../app/formulation/updateFormulation.js';
import { principal } from '../auth.js';
import { etagOf, expectedVersion, sendVersioned } from '../etag.js';

const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(10_000).optional() }).strict();
const versionParam = z.coerce.number().int().min(1).max(10_000);

/** The formulation (drafted, saved, approved, versioned) and the TRM placements. */
export function formulationRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases/:caseId/formulation', async (req, res) => {
    const { version } = parseInput(versionQuery, req.query, 'The query');
    const record = await showFormulation(deps, principal(res), req.params.caseId, version);
    res.set('ETag', etagOf(record.current.version)).json(record);
  });

  r.post('/cases/:caseId/formulation', async (req, res) => {
    const hasContent = req.body !== undefined && !(typeof req.body === 'object' && req.body !== null && Object.keys(req.body).length === 0);
    sendVersioned(res, await draftFormulation(deps, principal(res), req.params.caseId, hasContent ? req.body : null), 201);
  });

  r.put('/cases/:caseId/formulation', async (req, res) => {
    sendVersioned(res, await updateFormulation(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });

  r.post('/cases/:caseId/formulation/approval', async (req, res) => {
    sendVersioned(res, await approveFormulation(deps, principal(res), req.params.caseId, expectedVersion(req)));
  });

  r.get('/cases/:caseId/formulation/versions/:number/revisions', async (req, res) => {
    const number = parseInput(versionParam, req.params.number, 'The version');
    res.json({ items: await showFormulationRevisions(deps, principal(res), req.params.caseId, number) });
  });

  r.get('/cases/:caseId/trm', async (req, res) => {
    res.json(await listTrmPlacements(deps, principal(res), req.params.caseId));
  });

  r.post('/cases/:caseId/trm', async (req, res) => {
    res.status(201).json(await recordTrmPlacement(deps, principal(res), req.params.caseId, req.body));
  });

  return r;
}
