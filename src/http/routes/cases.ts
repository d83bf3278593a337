import { Router } from 'express';
import { acceptTerms } from '../../app/team/acceptTerms.js';
import { changeLegalStatus } from '../../app/case/changeLegalStatus.js';
import { closeCase } from '../../app/case/closeCase.js';
import type { AppDeps } from '../../app/deps.js';
import { inviteTeamMember } from '../../app/team/inviteTeamMember.js';
import { listAgreements } from '../../app/agreement/listAgreements.js';
import { listCaseload } from '../../app/case/listCaseload.js';
import { listTeam } from '../../app/team/listTeam.js';
import { recordAgreement, withdrawAgreement } from '../../app/agreement/recordAgreement.js';
import { referCase } from '../../app/case/referCase.js';
import { showCase } from '../../app/case/showCase.js';
import { principal } from '../auth.js';
import { expectedVersion, sendVersioned } from '../etag.js';

/** Caseload, referral, agreement, the case team and closure. */
export function caseRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases', async (req, res) => {
    res.json(await listCaseload(deps, principal(res), req.query));
  });

  r.post('/cases', async (req, res) => {
    const view = await referCase(deps, principal(res), req.body);
    res.location(`/api/v1/cases/${view.id}`);
    sendVersioned(res, view, 201);
  });

  r.get('/cases/:caseId', async (req, res) => {
    sendVersioned(res, await showCase(deps, principal(res), req.params.caseId));
  });

  r.post('/cases/:caseId/closure', async (req, res) => {
    sendVersioned(res, await closeCase(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });

  r.put('/cases/:caseId/legal-status', async (req, res) => {
    sendVersioned(res, await changeLegalStatus(deps, principal(res), req.params.caseId, req.body, expectedVersion(req)));
  });

  r.get('/cases/:caseId/agreements', async (req, res) => {
    res.json(await listAgreements(deps, principal(res), req.params.caseId));
  });

  r.post('/cases/:caseId/agreements', async (req, res) => {
    res.status(201).json(await recordAgreement(deps, principal(res), req.params.caseId, req.body));
  });

  r.post('/cases/:caseId/agreements/withdrawals', async (req, res) => {
    res.status(201).json(await withdrawAgreement(deps, principal(res), req.params.caseId, req.body));
  });

  r.get('/cases/:caseId/team', async (req, res) => {
    res.json({ items: await listTeam(deps, principal(res), req.params.caseId) });
  });

  r.post('/cases/:caseId/team', async (req, res) => {
    res.status(201).json(await inviteTeamMember(deps, principal(res), req.params.caseId, req.body));
  });

  r.post('/cases/:caseId/terms-acceptance', async (req, res) => {
    const { member, alreadyAccepted } = await acceptTerms(deps, principal(res), req.params.caseId, req.body);
    // A second acceptance changes nothing: 200 with the acceptance as it stands.
    res.status(alreadyAccepted ? 200 : 201).json(member);
  });

  return r;
}
