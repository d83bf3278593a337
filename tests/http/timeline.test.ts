import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

describe('the life timeline through the API', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    caseId = await activeCase(amy);
  });
  afterAll(() => t.close());

  it('an edit keeps the earlier version, and needs the version it changes', async () => {
    const added = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Excluded from school.' }));
    expect(added.headers.get('etag')).toBe('"1"');
    const url = `/api/v1/cases/${caseId}/timeline/${added.body.id}`;

    const noIfMatch = await amy.put(url, entry({ description: 'Excluded for a fixed term.' }));
    expect(noIfMatch.status).toBe(428);

    const edited = await amy.put(url, entry({ description: 'Excluded for a fixed term of five days.' }), { 'if-match': '"1"' });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');

    const stale = await amy.put(url, entry({ description: 'Overwriting blindly.' }), { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.error.details.currentVersion).toBe(2);

    const history = await amy.get(`${url}/history`);
    expect(history.body.items.map((r: any) => r.content.description)).toEqual(['Excluded from school.', 'Excluded for a fixed term of five days.']);
  });

  it('a retracted entry leaves the timeline but not the record', async () => {
    const added = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Wrong child’s record.' }));
    const url = `/api/v1/cases/${caseId}/timeline/${added.body.id}`;
    const retracted = await amy.post(`${url}/retraction`, { reason: 'Recorded on the wrong case.' }, { 'if-match': '"1"' });
    expect(retracted.status).toBe(200);
    expect(retracted.body.retraction.reason).toBe('Recorded on the wrong case.');

    const live = await amy.get(`/api/v1/cases/${caseId}/timeline`);
    expect(live.body.items.some((e: any) => e.id === added.body.id)).toBe(false);
    const all = await amy.get(`/api/v1/cases/${caseId}/timeline?includeRetracted=true`);
    expect(all.body.items.some((e: any) => e.id === added.body.id)).toBe(true);

    const editAfter = await amy.put(url, entry(), { 'if-match': '"2"' });
    expect(editAfter.status).toBe(422);
  });

  it('a YJS practitioner edits only their own entries; the ECM team may edit any', async () => {
    const byAmy = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Amy’s entry.' }));
    const bySam = await sam.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Sam’s entry.' }));
    expect((await amy.put(`/api/v1/cases/${caseId}/timeline/${bySam.body.id}`, entry(), { 'if-match': '"1"' })).status).toBe(403);
    expect(
      (await sam.put(`/api/v1/cases/${caseId}/timeline/${byAmy.body.id}`, entry({ description: 'Sam corrected Amy.' }), { 'if-match': '"1"' })).status,
    ).toBe(200);
  });

  it('the timeline tells each reader what they may change: their own entries, or anyone’s', async () => {
    const own = { edit: true, retract: true, restrict: true };
    expect((await amy.get(`/api/v1/cases/${caseId}/timeline`)).body.mayChange).toEqual({
      ownEntries: own,
      othersEntries: { edit: false, retract: false, restrict: false },
    });
    expect((await sam.get(`/api/v1/cases/${caseId}/timeline`)).body.mayChange).toEqual({ ownEntries: own, othersEntries: own });
  });

  it('filters by category, agency, confidence and contributor', async () => {
    const own = await t.signIn('yjs-amy');
    const id = await activeCase(own);
    await own.post(`/api/v1/cases/${id}/timeline`, entry({ category: 'police_justice', sourceAgency: 'police', confidence: 'confirmed' }));
    await own.post(`/api/v1/cases/${id}/timeline`, entry({ category: 'education', sourceAgency: 'education', confidence: 'reported' }));
    await sam.post(`/api/v1/cases/${id}/timeline`, entry({ category: 'strengths_achievements', sourceAgency: 'mentoring', confidence: 'unverified' }));
    const q = async (query: string) => (await own.get(`/api/v1/cases/${id}/timeline?${query}`)).body.items.map((e: any) => e.category);
    expect(await q('category=police_justice,education')).toEqual(expect.arrayContaining(['police_justice', 'education']));
    expect(await q('agency=police')).toEqual(['police_justice']);
    expect(await q('confidence=unverified')).toEqual(['strengths_achievements']);
    expect(await q('contributor=ecm-sam')).toEqual(['strengths_achievements']);
  });

  it('pages through a long timeline in life order without gaps or repeats', async () => {
    const id = await activeCase(amy);
    for (let age = 0; age <= 15; age++) await amy.post(`/api/v1/cases/${id}/timeline`, entry({ when: { precision: 'age', age }, description: `At ${age}.` }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await amy.get(`/api/v1/cases/${id}/timeline?limit=5${after ? `&after=${after}` : ''}`);
      seen.push(...page.body.items.map((e: any) => e.description));
      after = page.body.nextCursor;
    } while (after);
    expect(seen).toEqual(Array.from({ length: 16 }, (_, age) => `At ${age}.`));
  });

  it('a withdrawn agreement stops new entries', async () => {
    const id = await activeCase(amy);
    const withdrawn = await amy.post(`/api/v1/cases/${id}/agreements/withdrawals`, { party: 'parent_carer', date: '2026-11-25', method: 'phone' });
    expect(withdrawn.body.status).toBe('awaiting_agreement');
    const refused = await amy.post(`/api/v1/cases/${id}/timeline`, entry());
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/agreed to take part/);
  });
});
