import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears } from '../../src/domain/dates.js';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { openEventStream } from '../support/eventStream.js';
import { activeCase, entry } from '../support/factories.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

const today = TODAY.slice(0, 10);
/** Seventeen and a half: the 18th birthday falls in six months less a week. */
const SEVENTEEN_AND_A_HALF = addDays(addYears(addMonths(today, 6), -18), -7);
const plan = () => ({
  joining: [
    { service: 'probation', joinBy: addMonths(today, 2) },
    { service: 'personal_adviser', detail: 'Leaving care team', joinBy: addMonths(today, 3) },
  ],
  relationships: [
    { relationship: 'Weekly football with the mentor he chose', keptByAgency: 'mentoring', until: addMonths(today, 9) },
    { relationship: 'Fortnightly check-in with his YJS worker', keptById: 'yjs-amy', until: addMonths(today, 7) },
  ],
});

describe('moving on to adult services: the transition plan', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let grace: Api;
  let fay: Api;
  let caseId: string;
  const url = () => `/api/v1/cases/${caseId}/transition-plan`;
  const invite = (staffId: string, agency: string) => sam.post(`/api/v1/cases/${caseId}/team`, { staffId, agency, caseRole: 'partner' });
  const auditOf = async (action: string) =>
    (await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 10_000))).filter((e) => e.action === action && e.caseId === caseId);

  beforeAll(async () => {
    t = await startTestServer();
    [amy, sam, grace, fay] = (await Promise.all(['yjs-amy', 'ecm-sam', 'mgr-bri', 'probation-fay'].map((id) => t.signIn(id)))) as [Api, Api, Api, Api];
    caseId = await activeCase(amy, { childDateOfBirth: SEVENTEEN_AND_A_HALF });
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry());
  });
  afterAll(() => t.close());

  it('is due for a 17½-year-old: the case says so, and there is no plan yet (version 0)', async () => {
    expect((await amy.get(`/api/v1/cases/${caseId}`)).body.movingOn).toEqual({ due: true, planned: false });
    const res = await amy.get(url());
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"0"');
    expect(res.body).toMatchObject({ caseId, due: true, turnsEighteenOn: addYears(SEVENTEEN_AND_A_HALF, 18), plan: null, mayWrite: true, version: 0 });
  });

  it('a probation practitioner cannot see the timeline, nor the transition plan, before accepting the terms', async () => {
    expect((await invite('probation-fay', 'probation')).status).toBe(201);
    for (const path of [`/api/v1/cases/${caseId}/timeline`, url()]) {
      const res = await fay.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('terms_required');
    }
    expect((await fay.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    expect((await fay.get(`/api/v1/cases/${caseId}/timeline`)).status).toBe(200);
  });

  it('a Personal Adviser, adult mental health and adult social care join the team like any partner, terms first', async () => {
    for (const [staffId, agency] of [
      ['pa-noor', 'personal_adviser'],
      ['amh-rae', 'adult_mental_health'],
      ['asc-ben', 'adult_social_care'],
    ] as const) {
      const invited = await invite(staffId, agency);
      expect(invited.status, staffId).toBe(201);
      expect(invited.body).toMatchObject({ staffId, agency, caseRole: 'partner', termsAcceptedAt: null });
      const them = await t.signIn(staffId);
      expect((await them.get(`/api/v1/cases/${caseId}/timeline`)).status, staffId).toBe(403);
      expect((await them.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status, staffId).toBe(201);
      expect((await them.get(`/api/v1/cases/${caseId}/timeline`)).status, staffId).toBe(200);
    }
  });

  it('the ECM team writes the first plan over version 0: audited by reference and counts, and told live to the team', async () => {
    const stream = await openEventStream(fay, caseId);
    const res = await sam.put(url(), plan(), { 'if-match': '"0"' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body.plan).toMatchObject({
      joining: [
        { service: 'probation', detail: null, joinBy: addMonths(today, 2) },
        { service: 'personal_adviser', detail: 'Leaving care team', joinBy: addMonths(today, 3) },
      ],
      relationships: [
        { relationship: 'Weekly football with the mentor he chose', keptBy: { kind: 'agency', agency: 'mentoring' } },
        { keptBy: { kind: 'person', staffId: 'yjs-amy', name: 'Amy Clarke', agency: 'youth_justice' } },
      ],
      writtenBy: 'ecm-sam',
      version: 1,
    });
    const heard = await stream.next('transition.changed');
    expect(heard.data.data).toEqual(res.body.plan);
    await stream.close();
    const [written] = await auditOf('transition.written');
    expect(written!.detail).toEqual({ reference: res.body.reference, services: ['probation', 'personal_adviser'], relationships: 2, version: 1 });
    expect(JSON.stringify(written!.detail)).not.toContain('football');
  });

  it('the team reads it (a probation practitioner after the terms, audited); a partner may not write it', async () => {
    const res = await fay.get(url());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mayWrite: false, version: 1 });
    expect(res.body.plan.joining).toHaveLength(2);
    expect((await auditOf('transition.read')).some((e) => e.actorId === 'probation-fay')).toBe(true);
    const refused = await fay.put(url(), plan(), { 'if-match': '"1"' });
    expect(refused.status).toBe(403);
    expect((await amy.get(`/api/v1/cases/${caseId}`)).body.movingOn).toEqual({ due: true, planned: true });
  });

  it('the case holder and a manager change it over the version they read; an old version is refused with 412, and none with 428', async () => {
    const changed = {
      ...plan(),
      relationships: [
        ...plan().relationships,
        { relationship: 'Art sessions with the adult mental health team', keptById: 'amh-rae', until: addMonths(today, 12) },
      ],
    };
    expect((await amy.put(url(), changed, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await grace.put(url(), plan(), { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await grace.put(url(), plan())).status).toBe(428);
    const byManager = await grace.put(url(), changed, { 'if-match': '"2"' });
    expect(byManager.status).toBe(200);
    expect(byManager.body.plan.relationships[2].keptBy).toMatchObject({ kind: 'person', staffId: 'amh-rae', agency: 'adult_mental_health' });
    expect((await auditOf('transition.updated')).map((e) => e.actorId)).toEqual(['yjs-amy', 'mgr-bri']);
  });

  it('refuses a bad plan in the form’s words, beside each field, and changes nothing', async () => {
    const before = (await sam.get(url())).body;
    const bad = {
      joining: [
        { service: 'probation', joinBy: addDays(today, -1) },
        { service: 'probation', joinBy: addMonths(today, 1) },
        { service: 'other', joinBy: addMonths(today, 30) },
        { service: 'housing', joinBy: '2027-02-30' },
      ],
      relationships: [
        { relationship: '   ', keptById: 'school-ruth', until: addMonths(today, 1) },
        { relationship: 'Contact with his sister', keptById: 'school-ruth', until: addMonths(today, 1) },
        { relationship: 'Youth club', until: addMonths(today, 1) },
      ],
    };
    const res = await sam.put(url(), bad, { 'if-match': `"${before.version}"` });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'joining.0.joinBy', message: `must be on or after ${today}, the day the plan is written` },
        { path: 'joining.1.service', message: 'is named already: each service joins once' },
        { path: 'joining.2.detail', message: 'say which service joins' },
        { path: 'joining.2.joinBy', message: `must be within 24 months, by ${addMonths(today, 24)} at the latest` },
        { path: 'joining.3.service', message: 'choose an adult service from the list' },
        { path: 'joining.3.joinBy', message: 'is a date such as 2027-03-09' },
        { path: 'relationships.0.relationship', message: 'must not be empty' },
        { path: 'relationships.2.keptById', message: 'name one member of the team or one agency who keeps it going' },
      ]),
    );
    // Someone not on the team cannot be named to keep a relationship going.
    const stranger = await sam.put(url(), { ...plan(), relationships: [bad.relationships[1]] }, { 'if-match': `"${before.version}"` });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details).toEqual([
      { path: 'relationships.0.keptById', message: 'must be a member of the case team: invite them to the team first' },
    ]);
    expect((await sam.put(url(), { joining: [], relationships: [] }, { 'if-match': `"${before.version}"` })).body.error.details).toEqual([
      { path: 'joining', message: 'name at least one adult service that joins' },
    ]);
    expect((await sam.get(url())).body).toEqual(before);
  });

  it('a date already in the plan stays when it has passed, so the plan can still be corrected', async () => {
    const current = (await sam.get(url())).body;
    t.clock.set(`${addMonths(today, 4)}T10:00:00.000Z`);
    try {
      // Months on, Sam signs in again.
      sam = await t.signIn('ecm-sam');
      const kept = current.plan.joining.map((j: { service: string; detail: string | null; joinBy: string }) => ({ ...j }));
      const res = await sam.put(url(), { joining: kept, relationships: [] }, { 'if-match': `"${current.version}"` });
      expect(res.status).toBe(200);
      const moved = await sam.put(
        url(),
        { joining: [{ service: 'probation', joinBy: addDays(addMonths(today, 3), 5) }], relationships: [] },
        { 'if-match': `"${res.body.version}"` },
      );
      expect(moved.status).toBe(400);
      expect(moved.body.error.details[0].path).toBe('joining.0.joinBy');
    } finally {
      t.clock.set(TODAY);
      sam = await t.signIn('ecm-sam');
    }
  });

  it('is not due for a 15-year-old, and the section stays hidden until a plan exists', async () => {
    const younger = await activeCase(amy);
    expect((await amy.get(`/api/v1/cases/${younger}`)).body.movingOn).toEqual({ due: false, planned: false });
    expect((await amy.get(`/api/v1/cases/${younger}/transition-plan`)).body).toMatchObject({ due: false, turnsEighteenOn: null, plan: null });
  });
});
