import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { todayIn } from '../../src/ports/clock.js';
import { openEventStream } from '../support/eventStream.js';
import { activeCase, entry } from '../support/factories.js';
import { auditTrail, type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const formulation = (evidence: string) => ({
  summary: 'Many moves of home and school in the early years.',
  hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Expects adults to let them down and tests them early.', evidence: [evidence] }],
  strengths: 'Funny, loyal, a talented artist.',
  recommendations: [
    { id: 'r-art', text: 'Art mentoring on Saturdays.', trmLevel: 2, sequence: 1, relationshipBased: false },
    { id: 'r-worker', text: 'The same YJS worker, same day and place each week.', trmLevel: 1, sequence: 2, relationshipBased: false },
    { id: 'r-mentor', text: 'A mentor the young person chooses.', trmLevel: 2, sequence: 2, relationshipBased: true },
  ],
});

describe('the plan between meetings: recommendations become owned actions', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let helen: Api;
  let jo: Api;
  let mark: Api;
  let caseId: string;
  let today: string;
  const url = () => `/api/v1/cases/${caseId}/actions`;
  const actionFor = async (recommendationId: string) =>
    (await sam.get(url())).body.items.find((a: { recommendationId: string }) => a.recommendationId === recommendationId);
  const change = async (who: Api, recommendationId: string, body: unknown) => {
    const a = await actionFor(recommendationId);
    return who.patch(`${url()}/${a.id}`, body, { 'if-match': `"${a.version}"` });
  };

  beforeAll(async () => {
    t = await startTestServer();
    today = todayIn(t.clock);
    [amy, sam, helen, jo, mark] = (await Promise.all(['yjs-amy', 'ecm-sam', 'psy-helen', 'police-jo', 'sw-mark'].map((id) => t.signIn(id)))) as [
      Api,
      Api,
      Api,
      Api,
      Api,
    ];
    caseId = await activeCase(amy);
    for (const [staffId, agency] of [
      ['police-jo', 'police'],
      ['sw-mark', 'social_care'],
    ]) {
      expect((await sam.post(`/api/v1/cases/${caseId}/team`, { staffId, agency, caseRole: 'partner' })).status).toBe(201);
    }
    for (const partner of [jo, mark])
      expect((await partner.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    const evidence = (await amy.post(`/api/v1/cases/${caseId}/timeline`, entry())).body.id;
    const drafted = await sam.post(`/api/v1/cases/${caseId}/formulation`, formulation(evidence));
    expect(drafted.status).toBe(201);
  });
  afterAll(() => t.close());

  it('before a formulation is approved there is no plan', async () => {
    const res = await amy.get(url());
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('approval turns each recommendation into an action, relationship-based first in the TRM’s order, held by the ECM team until someone is named', async () => {
    const stream = await openEventStream(jo, caseId);
    expect((await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': '"1"' })).status).toBe(200);
    const heard = await stream.next('action.changed');
    expect(heard.data.data.status).toBe('planned');
    await stream.close();
    const res = await jo.get(url());
    expect(res.body.items.map((a: any) => [a.sequence, a.recommendationId, a.trmLevel])).toEqual([
      [1, 'r-worker', 1],
      [2, 'r-mentor', 2],
      [3, 'r-art', 2],
    ]);
    expect(res.body.items[0]).toMatchObject({ owner: { kind: 'agency', agency: 'ecm_team' }, dueBy: null, status: 'planned', mayUpdate: false });
    expect(res.body.mayAssign).toBe(false);
    expect((await sam.get(url())).body.mayAssign).toBe(true);
  });

  it('the ECM team names an owner on the case team and a "by when"', async () => {
    const res = await change(sam, 'r-worker', { ownerId: 'police-jo', dueBy: addDays(today, 14) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ owner: { kind: 'person', staffId: 'police-jo', name: 'PC Jo Harris', agency: 'police' }, dueBy: addDays(today, 14) });
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
    expect((await change(sam, 'r-mentor', { ownerAgency: 'mentoring', dueBy: addDays(today, 28) })).body.owner).toEqual({
      kind: 'agency',
      agency: 'mentoring',
    });
    expect((await change(sam, 'r-art', { ownerId: 'sw-mark' })).status).toBe(200);
  });

  it('an owner outside the case team is refused in the form’s words, and nothing is stored', async () => {
    const before = await actionFor('r-art');
    const res = await change(sam, 'r-art', { ownerId: 'school-ruth' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('The owner must be a member of the case team: invite them to the team first.');
    expect(await actionFor('r-art')).toEqual(before);
  });

  it('a "by when" before the formulation’s approval is refused, and nothing is stored', async () => {
    const before = await actionFor('r-art');
    const res = await change(sam, 'r-art', { dueBy: addDays(today, -1) });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(`“By when” must be on or after ${today}, the day the formulation was approved.`);
    expect(await actionFor('r-art')).toEqual(before);
  });

  it('a partner updates their own action but not another’s (403), and may not reassign even their own', async () => {
    const mine = await change(jo, 'r-worker', { status: 'under_way' });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'under_way', updatedBy: 'police-jo' });
    const other = await change(jo, 'r-art', { status: 'done' });
    expect(other.status).toBe(403);
    expect((await actionFor('r-art')).status).toBe('planned');
    expect((await change(jo, 'r-worker', { dueBy: addDays(today, 60) })).status).toBe(403);
    const seen = (await jo.get(url())).body.items;
    expect(seen.find((a: any) => a.recommendationId === 'r-worker').mayUpdate).toBe(true);
    expect(seen.find((a: any) => a.recommendationId === 'r-art').mayUpdate).toBe(false);
  });

  it('a stopped action says why; an update on a stale version is refused', async () => {
    expect((await change(mark, 'r-art', { status: 'stopped' })).status).toBe(400);
    const a = await actionFor('r-art');
    const stopped = await mark.patch(
      `${url()}/${a.id}`,
      { status: 'stopped', stoppedBecause: 'The young person chose football instead.' },
      { 'if-match': `"${a.version}"` },
    );
    expect(stopped.body).toMatchObject({ status: 'stopped', stoppedBecause: 'The young person chose football instead.' });
    expect((await mark.patch(`${url()}/${a.id}`, { status: 'done' }, { 'if-match': `"${a.version}"` })).status).toBe(412);
  });

  it('“My actions” lists each person’s own actions across their cases, with the case reference', async () => {
    const other = await activeCase(amy);
    expect((await sam.post(`/api/v1/cases/${other}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' })).status).toBe(201);
    const mine = (await jo.get('/api/v1/me/actions')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ caseId, recommendationId: 'r-worker', status: 'under_way', mayUpdate: true });
    expect(mine[0].reference).toMatch(/^BRI-\d{4}-\d{4}$/);
    expect((await amy.get('/api/v1/me/actions')).body.items).toEqual([]);
  });

  it('an overdue action shows as overdue', async () => {
    t.clock.set(`${addDays(today, 20)}T10:00:00.000Z`);
    try {
      // Sessions end before three weeks pass: sign in again on the later day.
      const later = await t.signIn('police-jo');
      expect((await later.get('/api/v1/me/actions')).body.items[0]).toMatchObject({ dueBy: addDays(today, 14), overdue: true });
    } finally {
      t.clock.set(`${today}T10:00:00.000Z`);
    }
  });

  it('every read and change of the plan is audited', async () => {
    const events = await auditTrail(t);
    const actions = new Set(events.filter((e) => e.caseId === caseId).map((e) => e.action));
    for (const a of ['action.planned', 'action.updated', 'actions.read', 'actions.mine.read']) expect(actions, a).toContain(a);
  });

  it('a second version keeps owners and dates, and stops an action whose recommendation it dropped', async () => {
    const v2 = await sam.post(`/api/v1/cases/${caseId}/formulation`, {});
    const content = { ...v2.body.content, recommendations: v2.body.content.recommendations.filter((r: any) => r.id !== 'r-mentor') };
    const saved = await sam.put(`/api/v1/cases/${caseId}/formulation`, content, { 'if-match': `"${v2.body.version}"` });
    expect((await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': `"${saved.body.version}"` })).status).toBe(200);
    expect(await actionFor('r-worker')).toMatchObject({ formulationNumber: 2, status: 'under_way', owner: { staffId: 'police-jo' } });
    expect(await actionFor('r-mentor')).toMatchObject({ status: 'stopped', stoppedBecause: 'No longer in version 2 of the formulation.' });
  });
});
