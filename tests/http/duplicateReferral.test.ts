import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referral } from '../support/factories.js';
import { staff } from '../ports/contract/records.js';
import { auditTrail, type Api, startTestServer, type TestServer } from '../support/testSystem.js';

/** One fictional child, referred once to Bristol before each check. */
const CHILD = { childName: 'Zoë  Ann Example', childDateOfBirth: '2012-02-03' };

describe('referring a child who may already have an open case in the service', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let bea: Api;
  let first: { id: string; reference: string };
  beforeAll(async () => {
    t = await startTestServer();
    // A second Bristol case holder, who is not on the team of the first referral.
    await t.system.deps.store.transaction((tx) => tx.staff.upsert(staff('yjs-bea', { name: 'Bea Norris', serviceIds: ['BRI'] })));
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    bea = await t.signIn('yjs-bea');
    first = (await amy.post('/api/v1/cases', referral(CHILD))).body;
  });
  afterAll(() => t.close());

  const trail = () => auditTrail(t);
  const bristolCases = async () => (await sam.get('/api/v1/cases?service=BRI&limit=100')).body.items.length;

  it('the same name in other case, accents and spacing with the same date of birth is 409 possible_duplicate, naming the case to one who may read it', async () => {
    const before = await bristolCases();
    const again = await sam.post('/api/v1/cases', referral({ ...CHILD, childName: ' zoe ann   EXAMPLE ' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'possible_duplicate', details: { references: [first.reference] } });
    expect(again.body.error.message).toContain(first.reference);
    expect(again.body.error.message).not.toMatch(/zo[eë]/i);
    expect(await bristolCases()).toBe(before);
  });

  it('one who may not read the existing case is told only to contact the ECM team', async () => {
    const again = await bea.post('/api/v1/cases', referral(CHILD));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('possible_duplicate');
    expect(again.body.error.details).toEqual({ references: [] });
    expect(again.body.error.message).toMatch(/Contact the ECM team/);
    expect(again.body.error.message).not.toContain(first.reference);
  });

  it('a practitioner who knows better goes ahead with a stated reason, and the audit trail keeps it', async () => {
    const reason = 'A different young person: twins, confirmed with the family.';
    const again = await amy.post('/api/v1/cases', referral({ ...CHILD, duplicateReason: reason }));
    expect(again.status).toBe(201);
    const referred = (await trail()).find((e) => e.action === 'case.referred' && e.caseId === again.body.id);
    expect(referred?.detail).toMatchObject({ possibleDuplicateOf: [first.reference], duplicateReason: reason });
  });

  it('a different date of birth, another service or a closed case is no duplicate', async () => {
    expect((await amy.post('/api/v1/cases', referral({ ...CHILD, childDateOfBirth: '2012-02-04' }))).status).toBe(201);
    const dan = await t.signIn('yjs-dan');
    expect((await dan.post('/api/v1/cases', referral({ ...CHILD, serviceId: 'NSO' }))).status).toBe(201);
    const other = { childName: 'Closed Example', childDateOfBirth: '2012-03-03' };
    const closing = await amy.post('/api/v1/cases', referral(other));
    const closed = await sam.post(`/api/v1/cases/${closing.body.id}/closure`, { reason: 'not_eligible' }, { 'if-match': `"${closing.body.version}"` });
    expect(closed.status).toBe(200);
    expect((await amy.post('/api/v1/cases', referral(other))).status).toBe(201);
  });

  it('an empty reason is refused as bad input and changes nothing', async () => {
    const before = await bristolCases();
    expect((await amy.post('/api/v1/cases', referral({ ...CHILD, duplicateReason: '' }))).status).toBe(400);
    expect(await bristolCases()).toBe(before);
  });
});
