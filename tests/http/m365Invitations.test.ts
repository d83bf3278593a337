import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { agreementGiven, entry, referral } from '../support/factories.js';
import { startM365TestServer, type M365TestServer } from '../support/m365System.js';

/**
 * Professionals from other agencies are in the tenant's directory (as guests, say) long before they
 * first open ECM for Teams. The ECM team must be able to invite them all the same.
 */
describe('inviting someone from the directory who has never signed in', () => {
  let t: M365TestServer;
  let caseId: string;
  const oid = randomUUID();
  beforeAll(async () => {
    t = await startM365TestServer();
    t.m.graph.teams.addUser({ id: oid, displayName: 'DC Morgan Hale', mail: 'morgan.hale@police.example' });
    const amy = await t.apiAs('yjs-amy');
    caseId = (await amy.post('/api/v1/cases', referral())).body.id;
    for (const party of ['young_person', 'parent_carer'] as const) await amy.post(`/api/v1/cases/${caseId}/agreements`, agreementGiven(party));
  });
  afterAll(() => t.close());

  it('finds them through the directory, marked as joining as a partner', async () => {
    const sam = await t.apiAs('ecm-sam');
    const found = await sam.get('/api/v1/people?q=Morgan');
    expect(found.body.items).toEqual([expect.objectContaining({ id: `aad-${oid}`, name: 'DC Morgan Hale', role: 'partner' })]);
  });

  it('invites them as a partner, who then signs in, accepts the terms and contributes', async () => {
    const sam = await t.apiAs('ecm-sam');
    const invited = await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: `aad-${oid}`, agency: 'police', caseRole: 'partner' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ staffId: `aad-${oid}`, name: 'DC Morgan Hale', caseRole: 'partner', termsAcceptedAt: null });

    const token = await t.m.entra.ssoToken(t.m.clientId, {
      oid,
      name: 'DC Morgan Hale',
      preferred_username: 'morgan.hale@police.example',
      roles: ['ECM.Partner'],
    });
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${t.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    expect((await call('GET', `/api/v1/cases/${caseId}/timeline`)).status).toBe(403);
    expect((await call('POST', `/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    expect((await call('POST', `/api/v1/cases/${caseId}/timeline`, entry({ sourceAgency: 'police', category: 'police_justice' }))).status).toBe(201);
  });

  it('someone not in the directory cannot be invited by a made-up id', async () => {
    const sam = await t.apiAs('ecm-sam');
    const res = await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: `aad-${randomUUID()}`, agency: 'police', caseRole: 'partner' });
    expect(res.status).toBe(422);
  });
});
