import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { activeCase, entry } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

describe('the case team and the information-sharing terms', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let jo: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    jo = await t.signIn('police-jo');
    caseId = await activeCase(amy);
  });
  afterAll(() => t.close());

  it('a partner who is not invited learns nothing of the case', async () => {
    expect((await jo.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await jo.get('/api/v1/cases')).body.items).toEqual([]);
  });

  it('a YJS practitioner cannot invite; the ECM practitioner can', async () => {
    expect((await amy.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' })).status).toBe(403);
    const invited = await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
    expect(invited.status).toBe(201);
    expect(invited.body.termsAcceptedAt).toBeNull();
  });

  it('searching for someone to invite to a case finds only those who may join its team, with the part each would play', async () => {
    const found = await sam.get('/api/v1/people?serviceId=BRI&limit=50');
    expect(found.status).toBe(200);
    const partOf = new Map(found.body.items.map((p: any) => [p.id, p.caseRole]));
    expect(partOf.get('yjs-amy')).toBe('case_holder');
    expect(partOf.get('police-jo')).toBe('partner');
    expect(partOf.get('psy-helen')).toBe('psychologist');
    expect(partOf.has('yjs-dan')).toBe(false); // works in North Somerset, not Bristol
    expect(partOf.has('admin-chris')).toBe(false);
  });

  it('the team list says who accepts the information-sharing terms before seeing the case', async () => {
    const team = await sam.get(`/api/v1/cases/${caseId}/team`);
    const needs = new Map(team.body.items.map((m: any) => [m.staffId, m.needsTerms]));
    expect(needs.get('police-jo')).toBe(true);
    expect(needs.get('yjs-amy')).toBe(false);
  });

  it('a partner cannot see the timeline before accepting the terms, but sees the invitation and the terms', async () => {
    const timeline = await jo.get(`/api/v1/cases/${caseId}/timeline`);
    expect(timeline.status).toBe(403);
    expect(timeline.body.error.code).toBe('terms_required');
    const view = await jo.get(`/api/v1/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.child).toBeNull();
    expect(view.body.referralReason).toBeNull();
    expect(view.body.terms.version).toBe(TERMS_VERSION);
    expect(view.body.allowedActions).toEqual(['terms.accept']);
    const caseload = await jo.get('/api/v1/cases');
    expect(caseload.body.items.map((c: any) => [c.reference, c.child])).toEqual([[view.body.reference, null]]);
  });

  it('a partner who has not accepted the terms sees only what they need to decide: the reference, status, service, their invitation and the terms', async () => {
    const shown = (v: Record<string, unknown>) =>
      Object.entries(v)
        .filter(([, value]) => value !== null)
        .map(([key]) => key)
        .sort();
    const needed = ['allowedActions', 'id', 'membership', 'reference', 'serviceId', 'serviceName', 'status', 'terms', 'version'];
    const view = await jo.get(`/api/v1/cases/${caseId}`);
    expect(shown(view.body)).toEqual(needed);
    expect(view.body.membership).toEqual({ caseRole: 'partner', termsAcceptedAt: null, invitationExpiresAt: expect.any(String) });
    const [listed] = (await jo.get('/api/v1/cases')).body.items;
    expect(shown(listed)).toEqual(needed);
  });

  it('accepting out-of-date terms is refused', async () => {
    expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2020-1' })).status).toBe(422);
  });

  it('accepting the terms opens the case to the partner, to contribute but not to see agreements', async () => {
    expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    const view = await jo.get(`/api/v1/cases/${caseId}`);
    expect(view.body.child.name).toBe('Jordan Test');
    expect(view.body.agreement).toBeNull();
    expect((await jo.post(`/api/v1/cases/${caseId}/timeline`, entry({ sourceAgency: 'police', category: 'police_justice' }))).status).toBe(201);
    expect((await jo.get(`/api/v1/cases/${caseId}/agreements`)).status).toBe(403);
    expect((await jo.post(`/api/v1/cases/${caseId}/formulation`, {})).status).toBe(403);
  });

  it('a partner who accepted earlier terms must accept the current ones before seeing the timeline again', async () => {
    // Jo accepted the terms above; their acceptance is recorded as one of terms since replaced.
    await t.system.deps.store.transaction(async (tx) => {
      const jos = await tx.team.get(caseId, 'police-jo');
      await tx.team.upsert({ ...jos!, termsVersion: '2020-1' });
    });
    t.clock.advance(31 * 86_400_000);
    try {
      jo = await t.signIn('police-jo');
      const timeline = await jo.get(`/api/v1/cases/${caseId}/timeline`);
      expect(timeline.status).toBe(403);
      expect(timeline.body.error.code).toBe('terms_required');
      const view = await jo.get(`/api/v1/cases/${caseId}`);
      expect(view.body.child).toBeNull();
      expect(view.body.terms.version).toBe(TERMS_VERSION);
      sam = await t.signIn('ecm-sam');
      const awaiting = async () => (await sam.get(`/api/v1/cases/${caseId}/team`)).body.items.find((m: any) => m.staffId === 'police-jo').awaitingTerms;
      expect(await awaiting()).toBe(true); // the team sees that Jo has the new terms still to accept
      expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
      expect((await jo.get(`/api/v1/cases/${caseId}/timeline`)).status).toBe(200);
      expect(await awaiting()).toBe(false);
    } finally {
      t.clock.set('2026-11-27T10:00:00.000Z');
    }
  });

  it('an expired invitation cannot be accepted, and can be sent again', async () => {
    const id = await activeCase(amy);
    await sam.post(`/api/v1/cases/${id}/team`, { staffId: 'sw-mark', agency: 'social_care', caseRole: 'partner' });
    t.clock.advance(31 * 86_400_000);
    try {
      const mark = await t.signIn('sw-mark');
      sam = await t.signIn('ecm-sam');
      const late = await mark.post(`/api/v1/cases/${id}/terms-acceptance`, { termsVersion: TERMS_VERSION });
      expect(late.status).toBe(422);
      expect(late.body.error.message).toMatch(/expired/);
      expect((await sam.post(`/api/v1/cases/${id}/team`, { staffId: 'sw-mark', agency: 'social_care', caseRole: 'partner' })).status).toBe(201);
      expect((await mark.post(`/api/v1/cases/${id}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    } finally {
      t.clock.set('2026-11-27T10:00:00.000Z');
    }
  });

  it('a manager reads the service’s cases and changes nothing clinical', async () => {
    const grace = await t.signIn('mgr-bri');
    expect((await grace.get(`/api/v1/cases/${caseId}/timeline`)).status).toBe(200);
    expect((await grace.post(`/api/v1/cases/${caseId}/timeline`, entry())).status).toBe(403);
    expect((await grace.post(`/api/v1/cases/${caseId}/trm`, { level: 2, rationale: 'x', effectiveDate: '2026-11-27' })).status).toBe(403);
    const nso = await t.signIn('mgr-nso');
    expect((await nso.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
  });

  it('an administrator sees no case content', async () => {
    const chris = await t.signIn('admin-chris');
    expect((await chris.get(`/api/v1/cases/${caseId}`)).status).toBe(404);
    expect((await chris.get('/api/v1/cases')).body.items).toEqual([]);
  });
});
