import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../src/domain/dates.js';
import { agreementGiven, referral } from '../support/factories.js';
import { readEvents } from '../support/sse.js';
import { auditTrail, type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

const today = TODAY.slice(0, 10);
const bornFor = (years: number) => addDays(addYears(today, -(years + 1)), 60);
const etag = (version: number) => `"${version}"`;

describe('a child comes into or leaves care during the case', () => {
  let t: TestServer;
  let amy: Api;
  let grace: Api;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    grace = await t.signIn('mgr-bri');
  });
  afterAll(() => t.close());

  const refer = async (overrides: Record<string, unknown>) => {
    const r = await amy.post('/api/v1/cases', referral(overrides));
    expect(r.status).toBe(201);
    return r.body as { id: string; reference: string; version: number };
  };
  const agree = (caseId: string, party: string) =>
    amy.post(`/api/v1/cases/${caseId}/agreements`, {
      ...agreementGiven('young_person'),
      party,
      ...(party === 'young_person' ? {} : { competenceNote: undefined }),
    });
  const version = async (caseId: string) => (await amy.get(`/api/v1/cases/${caseId}`)).body.version as number;
  const change = (api: Api, caseId: string, body: unknown, v: number) => api.put(`/api/v1/cases/${caseId}/legal-status`, body, { 'if-match': etag(v) });
  const outstanding = async (caseId: string) =>
    (await grace.get('/api/v1/services/BRI/dashboard')).body.agreementsOutstanding.find((r: { caseId: string }) => r.caseId === caseId);

  it("a 14-year-old who goes into care now needs the local authority's agreement, and the dashboard shows it outstanding", async () => {
    const c = await refer({ childDateOfBirth: bornFor(14) });
    await agree(c.id, 'young_person');
    expect((await agree(c.id, 'parent_carer')).body.status).toBe('active');
    expect(await outstanding(c.id)).toBeUndefined();

    const stream = readEvents(await amy.raw(`/api/v1/cases/${c.id}/events`, {}));
    await stream.until((es) => es.some((e) => e.event === 'ready'));
    const r = await change(amy, c.id, { legalStatus: 'care_order', parentalResponsibility: 'Bristol City Council, shared with mother' }, await version(c.id));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ legalStatus: 'care_order', parentalResponsibility: 'Bristol City Council, shared with mother', status: 'active' });
    expect(r.headers.get('etag')).toBe(etag(r.body.version));
    const seen = await stream.until((es) => es.some((e) => e.event === 'case.updated'));
    expect(seen.find((e) => e.event === 'case.updated')!.data.data).toEqual({ status: 'active', closureReason: null });
    await stream.close();

    // The work already agreed goes on while the local authority is asked.
    expect(await outstanding(c.id)).toMatchObject({ waitingOn: ['local_authority'], status: 'active' });
    expect((await amy.get(`/api/v1/cases/${c.id}/agreements`)).body.needs).toMatchObject({
      needs: ['young_person', 'local_authority'],
      missing: ['local_authority'],
    });
    expect((await agree(c.id, 'local_authority')).body.needs.missing).toEqual([]);
    expect(await outstanding(c.id)).toBeUndefined();
  });

  it('a case waiting only on someone the new status does not need becomes active', async () => {
    const c = await refer({ childDateOfBirth: bornFor(14), legalStatus: 'care_order' });
    await agree(c.id, 'young_person');
    expect((await agree(c.id, 'parent_carer')).body.status).toBe('awaiting_agreement');
    // The care order ends and the child goes home: the parent's agreement, already given, is what is needed.
    const r = await change(grace, c.id, { legalStatus: 'living_with_parents', parentalResponsibility: 'Mother' }, await version(c.id));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'active', legalStatus: 'living_with_parents', parentalResponsibility: 'Mother' });
  });

  it('bad input, a stale version and a person the policy refuses change nothing', async () => {
    const c = await refer({ childDateOfBirth: bornFor(15), parentalResponsibility: 'Father' });
    const v = await version(c.id);
    const bad = await change(amy, c.id, { legalStatus: 'fostered' }, v);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'legalStatus' })]));
    const tooLong = await change(amy, c.id, { legalStatus: 'care_order', parentalResponsibility: 'x'.repeat(201) }, v);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'parentalResponsibility' })]));
    expect((await change(amy, c.id, { legalStatus: 'care_order' }, v + 1)).status).toBe(412);
    const noIfMatch = await amy.put(`/api/v1/cases/${c.id}/legal-status`, { legalStatus: 'care_order' });
    expect(noIfMatch.status).toBe(428);
    const bristolElsewhere = await t.signIn('yjs-dan');
    expect((await change(bristolElsewhere, c.id, { legalStatus: 'care_order' }, v)).status).toBe(404);
    const unchanged = (await amy.get(`/api/v1/cases/${c.id}`)).body;
    expect(unchanged).toMatchObject({ legalStatus: 'living_with_parents', parentalResponsibility: 'Father', version: v });
  });

  it('the change is audited by case reference, with the status it came from and went to', async () => {
    const c = await refer({ childDateOfBirth: bornFor(16) });
    expect((await change(amy, c.id, { legalStatus: 'remanded', parentalResponsibility: null }, await version(c.id))).status).toBe(200);
    const events = await auditTrail(t);
    const changed = events.find((e) => e.caseId === c.id && e.action === 'case.legalStatusChanged');
    expect(changed?.detail).toMatchObject({ reference: c.reference, from: 'living_with_parents', to: 'remanded' });
    expect(JSON.stringify(changed)).not.toContain(referral({}).childName);
  });
});
