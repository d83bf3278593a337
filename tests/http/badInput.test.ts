import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, agreementGiven, entry, referral } from '../support/factories.js';
import { addDays } from '../../src/domain/dates.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

/** The test server's injected clock: dates in the future are counted from it. */
const today = TODAY.slice(0, 10);

/** Bad input gets a clear 4xx in the one envelope, and nothing is stored. */
describe('bad input', () => {
  let t: TestServer;
  let amy: Api;
  let caseId: string;
  const countEntries = async () => (await amy.get(`/api/v1/cases/${caseId}/timeline?includeRetracted=true`)).body.items.length;
  const countCases = async () => (await amy.get('/api/v1/cases?limit=200')).body.items.length;

  beforeAll(async () => {
    t = await startTestServer({ env: { MAX_BODY_BYTES: '20000' } });
    amy = await t.signIn('yjs-amy');
    caseId = await activeCase(amy);
  });
  afterAll(() => t.close());

  const expectEnvelope = (res: { status: number; body: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
  };

  it('malformed JSON', async () => {
    const before = await countEntries();
    expectEnvelope(await amy.post(`/api/v1/cases/${caseId}/timeline`, '{"when": {"precision": "age", '), 400, 'malformed_json');
    expect(await countEntries()).toBe(before);
  });

  it('wrong types, with the fields named', async () => {
    const before = await countEntries();
    const res = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ when: { precision: 'age', age: 'seven' }, confidence: 3 }));
    expectEnvelope(res, 400, 'validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['when.age', 'confidence']));
    expect(await countEntries()).toBe(before);
  });

  it('oversize bodies', async () => {
    const before = await countEntries();
    expectEnvelope(await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'x'.repeat(30_000) })), 413, 'payload_too_large');
    expect(await countEntries()).toBe(before);
  });

  it('unknown fields', async () => {
    const before = await countCases();
    expectEnvelope(await amy.post('/api/v1/cases', { ...referral(), ethnicity: 'not asked for' }), 400, 'validation_failed');
    expect(await countCases()).toBe(before);
  });

  it('markup in text', async () => {
    const before = await countEntries();
    const res = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Seen at <img src=x onerror=alert(1)> the park' }));
    expectEnvelope(res, 400, 'validation_failed');
    expect(res.body.error.details[0].message).toMatch(/plain text/);
    expect(await countEntries()).toBe(before);
  });

  it.each([
    ['a 5,000-character paste into a 2,000-character field', 'x'.repeat(5000), /at most 2,000 characters; this has 5,000/],
    ['a right-to-left override', 'Seen by \u202Eecilop', /direction of the text/],
    ['an isolate', 'Seen by \u2066police\u2069', /direction of the text/],
    ['only invisible characters', '\u200b\u2060\ufeff\u00ad', /must not be empty/],
    ['a lone surrogate', 'Broken \ud83d', /broken character/],
    ['a control character', 'Bell \u0007', /control characters/],
  ])('an entry with %s is refused, named, and not stored', async (_, description, message) => {
    const before = await countEntries();
    const res = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description }));
    expectEnvelope(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([{ path: 'description', message: expect.stringMatching(message) }]);
    expect(await countEntries()).toBe(before);
  });

  it('a name with a direction override is refused and no case is referred', async () => {
    const before = await countCases();
    const res = await amy.post('/api/v1/cases', referral({ childName: 'Jordan \u202Etset' }));
    expectEnvelope(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([{ path: 'childName', message: expect.stringMatching(/direction of the text/) }]);
    expect(await countCases()).toBe(before);
  });

  it('text is stored exactly as acknowledged: NFC, whole emoji kept', async () => {
    const res = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Cafe\u0301 trip \ud83d\ude00' }));
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('Caf\u00e9 trip \ud83d\ude00');
    const stored = (await amy.get(`/api/v1/cases/${caseId}/timeline`)).body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(stored.description).toBe(res.body.description);
  });

  it('a referral lists every problem at once, a future date of birth among them, and is not stored', async () => {
    const before = await countCases();
    const res = await amy.post(
      '/api/v1/cases',
      referral({ childName: '\u200b', childDateOfBirth: addDays(today, 1), orderStart: '2026-10-01', orderEnd: '2026-09-01', referralReason: '' }),
    );
    expectEnvelope(res, 400, 'validation_failed');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths.sort()).toEqual(['childDateOfBirth', 'childName', 'orderEnd', 'referralReason']);
    expect(await countCases()).toBe(before);
  });

  it('an agreement dated before the young person was born is refused, and the case stays as it was', async () => {
    const referred = await amy.post('/api/v1/cases', referral());
    const id = referred.body.id as string;
    const res = await amy.post(`/api/v1/cases/${id}/agreements`, agreementGiven('young_person', { date: '2011-05-13' }));
    expectEnvelope(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([{ path: 'date', message: expect.stringMatching(/before the young person's date of birth/) }]);
    const after = (await amy.get(`/api/v1/cases/${id}/agreements`)).body;
    expect(after.history).toEqual([]);
    expect((await amy.get(`/api/v1/cases/${id}`)).body.status).toBe(referred.body.status);
  });

  it('an agreement dated in the future is refused with its other problems', async () => {
    const before = (await amy.get(`/api/v1/cases/${caseId}/agreements`)).body.history.length;
    const res = await amy.post(`/api/v1/cases/${caseId}/agreements`, agreementGiven('parent_carer', { date: addDays(today, 1), method: 'pigeon' }));
    expectEnvelope(res, 400, 'validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['date', 'method']);
    expect((await amy.get(`/api/v1/cases/${caseId}/agreements`)).body.history).toHaveLength(before);
  });

  it('a body that is not JSON at all', async () => {
    const res = await amy.raw(`/api/v1/cases/${caseId}/timeline`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error.code).toBe('unsupported_media_type');
  });

  it('an array where an object belongs', async () => {
    expectEnvelope(await amy.post(`/api/v1/cases/${caseId}/timeline`, [entry()]), 400, 'validation_failed');
  });

  it('a query with an unknown parameter or a bad cursor', async () => {
    expectEnvelope(await amy.get(`/api/v1/cases/${caseId}/timeline?colour=red`), 400, 'validation_failed');
    expectEnvelope(await amy.get(`/api/v1/cases/${caseId}/timeline?after=not-a-cursor`), 400, 'validation_failed');
  });

  it('a referral that breaks a rule of the practice is refused with the reason, and not stored', async () => {
    const before = await countCases();
    const res = await amy.post('/api/v1/cases', referral({ orderEnd: '2027-01-15', pathway: 'statutory_ecm' }));
    expectEnvelope(res, 422, 'rule_violation');
    expect(res.body.error.details.eligiblePathway).toBe('consultation');
    expect(await countCases()).toBe(before);
  });

  it('no sign-in, or a made-up token', async () => {
    const res = await fetch(`${t.url}/api/v1/cases`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('unauthenticated');
    const forged = await fetch(`${t.url}/api/v1/cases`, { headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
    expect(forged.status).toBe(401);
  });

  it('an address that does not exist', async () => {
    expectEnvelope(await amy.get('/api/v1/nowhere'), 404, 'not_found');
    expectEnvelope(await amy.get('/api/v1/cases/not-a-uuid'), 404, 'not_found');
  });
});
