import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const content = (evidence: string[]) => ({
  summary: 'Jordan’s early years were marked by moves and by violence at home.',
  hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Jordan expects adults to let him down and tests them early.', evidence }],
  fivePs: {
    presenting: 'Fights at school.',
    predisposing: 'Domestic abuse.',
    precipitating: 'School move.',
    perpetuating: 'Exclusions.',
    protective: 'His nan.',
  },
  strengths: 'Funny, loyal, a talented artist.',
  needs: 'Speech and language assessment.',
  recommendations: [
    { id: 'r2', text: 'Art mentoring on Saturdays.', trmLevel: 2, sequence: 2, relationshipBased: true },
    { id: 'r1', text: 'Same YJS worker, same day and place each week.', trmLevel: 1, sequence: 1, relationshipBased: true },
  ],
  youthFriendly: {
    summary: 'Lots of moving house.',
    hypotheses: '',
    strengths: 'You are funny and loyal.',
    needs: '',
    recommendations: 'We will meet every Tuesday.',
  },
});

describe('the formulation', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let helen: Api;
  let caseId: string;
  let evidenceId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    helen = await t.signIn('psy-helen');
    caseId = await activeCase(amy);
    evidenceId = (await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ category: 'domestic_abuse', description: 'Police called to the home.' }))).body.id;
  });
  afterAll(() => t.close());
  const url = () => `/api/v1/cases/${caseId}/formulation`;

  it('the ECM practitioner drafts; the draft may be incomplete', async () => {
    const draft = await sam.post(url(), {});
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ number: 1, status: 'draft', version: 1 });
    expect((await sam.post(url(), {})).status).toBe(409);
  });

  it('evidence must be an entry of this case', async () => {
    const res = await sam.put(url(), content(['00000000-0000-4000-8000-000000000000']), { 'if-match': '"1"' });
    expect(res.status).toBe(422);
  });

  it('saves with If-Match, and a stale save is refused', async () => {
    expect((await sam.put(url(), content([evidenceId]), { 'if-match': '"1"' })).status).toBe(200);
    expect((await helen.put(url(), content([evidenceId]), { 'if-match': '"1"' })).status).toBe(412);
  });

  it('only a psychologist approves', async () => {
    expect((await sam.post(`${url()}/approval`, undefined, { 'if-match': '"2"' })).status).toBe(403);
    expect((await amy.post(`${url()}/approval`, undefined, { 'if-match': '"2"' })).status).toBe(403);
    const approved = await helen.post(`${url()}/approval`, undefined, { 'if-match': '"2"' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: 'psy-helen', approvedByName: 'Dr Helen Marsh' });
  });

  it('an approved formulation is kept as it is; a review starts version 2 from it', async () => {
    expect((await helen.put(url(), content([evidenceId]), { 'if-match': '"3"' })).status).toBe(422);
    const v2 = await sam.post(url(), {});
    expect(v2.body.number).toBe(2);
    expect(v2.body.content.summary).toBe(content([]).summary);
    const shown = await amy.get(url());
    expect(shown.body.versions.map((v: any) => [v.number, v.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    const v1 = await amy.get(`${url()}?version=1`);
    expect(v1.body.current.status).toBe('approved');
  });

  it('keeps every save of a version, for the diff', async () => {
    const revisions = await helen.get(`${url()}/versions/1/revisions`);
    expect(revisions.body.items.map((r: any) => [r.version, r.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
      [3, 'approved'],
    ]);
  });

  it('approval queues a notice for the team', async () => {
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'notify', caseId }, 50));
    expect(jobs.filter((j) => (j.payload as any).kind === 'formulation.approved').map((j) => j.recipient)).toEqual(expect.arrayContaining(['yjs-amy']));
  });

  it('an entry cited as evidence cannot be silently dropped: retracting it blocks approval of a draft that cites it', async () => {
    const current = await sam.get(url());
    await sam.put(url(), content([evidenceId]), { 'if-match': `"${current.body.current.version}"` });
    await amy.post(`/api/v1/cases/${caseId}/timeline/${evidenceId}/retraction`, { reason: 'Wrong date, re-entered.' }, { 'if-match': '"1"' });
    const again = await sam.get(url());
    const res = await helen.post(`${url()}/approval`, undefined, { 'if-match': `"${again.body.current.version}"` });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/retracted/);
  });
});
