import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementGiven, referral } from '../support/factories.js';
import { auditTrail, type Api, startTestServer, type TestServer } from '../support/testSystem.js';

/** Every change the tab makes carries the form's key: a double-click or a retry makes one record. */
describe('one press, one record (Idempotency-Key)', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    caseId = await activeCase(amy);
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
  });
  afterAll(() => t.close());

  const key = (name: string) => ({ 'idempotency-key': `${name}-${crypto.randomUUID()}` });
  const audited = async (action: string) => (await auditTrail(t)).filter((e) => e.action === action && e.caseId === caseId);
  const meeting = { kind: 'review', startsAt: '2026-12-03T10:00:00Z', endsAt: '2026-12-03T11:00:00Z', attendeeIds: ['ecm-sam', 'yjs-amy'] };

  it('a double-clicked Schedule makes one meeting, and both clicks are answered with it', async () => {
    const before = (await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items.length;
    const headers = key('schedule');
    const [first, second] = await Promise.all([
      sam.post(`/api/v1/cases/${caseId}/meetings`, meeting, headers),
      sam.post(`/api/v1/cases/${caseId}/meetings`, meeting, headers),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')]).toContain('true');
    expect((await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items).toHaveLength(before + 1);
  });

  it('recording the same TRM placement twice keeps one placement', async () => {
    const headers = key('trm');
    const placement = { level: 2, rationale: 'Building trust with the key worker.', effectiveDate: '2026-11-25' };
    const first = await sam.post(`/api/v1/cases/${caseId}/trm`, placement, headers);
    const again = await sam.post(`/api/v1/cases/${caseId}/trm`, placement, headers);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect((await sam.get(`/api/v1/cases/${caseId}/trm`)).body.placements).toHaveLength(1);
    expect(await audited('trm.recorded')).toHaveLength(1);
  });

  it('an agreement sent twice is one decision', async () => {
    const other = (await amy.post('/api/v1/cases', referral())).body.id as string;
    const headers = key('agreement');
    await Promise.all([1, 2].map(() => amy.post(`/api/v1/cases/${other}/agreements`, agreementGiven('young_person'), headers)));
    const history = (await amy.get(`/api/v1/cases/${other}/agreements`)).body;
    expect(JSON.stringify(history).match(/"seq"/g)).toHaveLength(1);
  });

  it('an invitation sent twice invites once', async () => {
    const headers = key('invite');
    const before = (await audited('team.invited')).length;
    const invite = { staffId: 'police-jo', agency: 'police', caseRole: 'partner' };
    const answers = await Promise.all([1, 2].map(() => sam.post(`/api/v1/cases/${caseId}/team`, invite, headers)));
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(await audited('team.invited')).toHaveLength(before + 1);
  });

  it('accepting the terms again is answered "already accepted" (200) and changes nothing', async () => {
    const other = await activeCase(amy);
    await sam.post(`/api/v1/cases/${other}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
    const jo = await t.signIn('police-jo');
    const terms = { termsVersion: (await jo.get(`/api/v1/cases/${other}`)).body.terms.version };
    const first = await jo.post(`/api/v1/cases/${other}/terms-acceptance`, terms);
    const again = await jo.post(`/api/v1/cases/${other}/terms-acceptance`, terms);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.termsAcceptedAt).toBe(first.body.termsAcceptedAt);
    const accepted = await auditTrail(t);
    expect(accepted.filter((e) => e.caseId === other && e.action === 'terms.accepted')).toHaveLength(1);
    // Accepting again is allowed, but the case is not offered as terms still to accept.
    const view = await jo.get(`/api/v1/cases/${other}`);
    expect(view.body.terms).toBeNull();
    expect(view.body.membership.termsAcceptedAt).toBe(first.body.termsAcceptedAt);
  });

  it('a key sent with a different request is refused and changes nothing', async () => {
    const headers = key('reused');
    expect((await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting, headers)).status).toBe(201);
    const count = (await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items.length;
    const other = await sam.post(`/api/v1/cases/${caseId}/meetings`, { ...meeting, kind: 'formulation' }, headers);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect((await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items).toHaveLength(count);
  });

  it('a refused request keeps nothing, so the form may send again with the same key once corrected', async () => {
    const headers = key('retry');
    const past = await sam.post(`/api/v1/cases/${caseId}/meetings`, { ...meeting, startsAt: '2026-11-01T10:00:00Z', endsAt: '2026-11-01T11:00:00Z' }, headers);
    expect(past.status).toBeGreaterThanOrEqual(400);
    expect(past.status).toBeLessThan(500);
    expect((await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting, headers)).status).toBe(201);
  });

  it('a key belongs to the person who sent it', async () => {
    const headers = key('shared');
    const placement = { level: 3, rationale: 'Settling at home.', effectiveDate: '2026-11-26' };
    await sam.post(`/api/v1/cases/${caseId}/trm`, placement, headers);
    const amys = await amy.post(`/api/v1/cases/${caseId}/trm`, placement, headers);
    expect(amys.headers.get('idempotent-replayed')).toBeNull();
  });

  it('an outcome sent twice is recorded once: the repeat gets the first answer, not a conflict', async () => {
    const m = (await sam.post(`/api/v1/cases/${caseId}/meetings`, { ...meeting, startsAt: '2026-11-28T10:00:00Z', endsAt: '2026-11-28T11:00:00Z' })).body;
    t.clock.set('2026-11-28T11:30:00Z');
    try {
      // Moving the clock ends sessions: sign in again.
      const later = await t.signIn('ecm-sam');
      const outcome = { summary: 'Reviewed the plan together.', nextReviewDue: '2027-02-06', replan: '' };
      const headers = { ...key('outcome'), 'if-match': `"${m.version}"` };
      const [first, again] = await Promise.all([1, 2].map(() => later.post(`/api/v1/cases/${caseId}/meetings/${m.id}/outcome`, outcome, headers)));
      expect([first?.status, again?.status]).toEqual([200, 200]);
      expect(again?.body).toEqual(first?.body);
      expect(await audited('meeting.outcome.recorded')).toHaveLength(1);
    } finally {
      t.clock.set('2026-11-27T10:00:00.000Z');
    }
  });

  it('a malformed key is refused in the envelope', async () => {
    const res = await sam.post(
      `/api/v1/cases/${caseId}/trm`,
      { level: 2, rationale: 'x', effectiveDate: '2026-11-25' },
      { 'idempotency-key': 'no spaces allowed' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
});
