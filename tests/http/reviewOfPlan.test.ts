import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWeeks } from '../../src/domain/dates.js';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { todayIn } from '../../src/ports/clock.js';
import { openEventStream } from '../support/eventStream.js';
import { activeCase, entry } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const formulation = (evidence: string) => ({
  summary: 'Many moves of home and school in the early years.',
  hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Expects adults to let them down and tests them early.', evidence: [evidence] }],
  strengths: 'Funny, loyal, a talented artist.',
  recommendations: [
    { id: 'r-worker', text: 'The same YJS worker, same day and place each week.', trmLevel: 1, sequence: 1, relationshipBased: true },
    { id: 'r-art', text: 'Art mentoring on Saturdays.', trmLevel: 2, sequence: 2, relationshipBased: false },
    { id: 'r-school', text: 'A quiet space at school for mornings.', trmLevel: 2, sequence: 3, relationshipBased: false },
  ],
});

describe('a review works through the plan: progress on each action, and the re-plan', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let helen: Api;
  let caseId: string;
  let meeting: { id: string; version: number; startsAt: string };
  let approvedOn: string;
  const actions = async () => (await sam.get(`/api/v1/cases/${caseId}/actions`)).body.items as any[];
  const byRec = async (r: string) => (await actions()).find((a) => a.recommendationId === r);
  const outcome = (over: Record<string, unknown>) => ({
    summary: 'Went through the plan together.',
    replan: '',
    nextReviewDue: addWeeks(meeting.startsAt.slice(0, 10), 10),
    ...over,
  });
  const record = (body: unknown) => sam.post(`/api/v1/cases/${caseId}/meetings/${meeting.id}/outcome`, body, { 'if-match': `"${meeting.version}"` });

  beforeAll(async () => {
    t = await startTestServer();
    approvedOn = todayIn(t.clock);
    [amy, sam, helen] = (await Promise.all(['yjs-amy', 'ecm-sam', 'psy-helen'].map((id) => t.signIn(id)))) as [Api, Api, Api];
    caseId = await activeCase(amy);
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
    expect((await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' })).status).toBe(201);
    expect((await (await t.signIn('police-jo')).post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    const evidence = (await amy.post(`/api/v1/cases/${caseId}/timeline`, entry())).body.id;
    expect((await sam.post(`/api/v1/cases/${caseId}/formulation`, formulation(evidence))).status).toBe(201);
    expect((await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': '"1"' })).status).toBe(200);
    const worker = await byRec('r-worker');
    await sam.patch(
      `/api/v1/cases/${caseId}/actions/${worker.id}`,
      { ownerId: 'yjs-amy', dueBy: addDays(approvedOn, 14) },
      { 'if-match': `"${worker.version}"` },
    );
    const startsAt = `${addDays(approvedOn, 1)}T10:00:00.000Z`;
    const scheduled = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt,
      endsAt: `${addDays(approvedOn, 1)}T11:00:00.000Z`,
      attendeeIds: ['ecm-sam', 'yjs-amy'],
      location: 'Teams',
    });
    expect(scheduled.status).toBe(201);
    meeting = scheduled.body;
    // The review has begun: its outcome may be recorded. Moving the clock ends sessions.
    t.clock.set(`${addDays(approvedOn, 1)}T10:30:00.000Z`);
    [amy, sam] = (await Promise.all(['yjs-amy', 'ecm-sam'].map((id) => t.signIn(id)))) as [Api, Api];
  });
  afterAll(() => t.close());

  it('an action owned by someone outside the case team is refused beside its field, and nothing is stored', async () => {
    const before = await actions();
    const res = await record(
      outcome({ newActions: [{ text: 'Weekly football with the school coach.', trmLevel: 2, ownerId: 'school-ruth', dueBy: addDays(approvedOn, 30) }] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ path: 'newActions.0.ownerId', message: 'must be a member of the case team: invite them to the team first' }]);
    expect(await actions()).toEqual(before);
    expect((await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items[0].status).toBe('scheduled');
  });

  it('a "by when" before the formulation’s approval is refused beside its field, and nothing is stored', async () => {
    const before = await actions();
    const art = await byRec('r-art');
    const res = await record(
      outcome({ actionProgress: [{ actionId: art.id, status: 'planned', decision: 'change', dueBy: addDays(approvedOn, -3), happened: 'Not begun.' }] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      { path: 'actionProgress.0.dueBy', message: `must be on or after ${approvedOn}, the day the formulation was approved` },
    ]);
    expect(await actions()).toEqual(before);
  });

  it('an action that stops says why, in the form’s words', async () => {
    const art = await byRec('r-art');
    const res = await record(outcome({ actionProgress: [{ actionId: art.id, status: 'planned', decision: 'stop' }] }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'actionProgress.0.stoppedBecause', message: 'say why the action stops' }]);
  });

  it('a TRM level off the model is refused beside its field, and nothing is stored', async () => {
    const res = await record(outcome({ trmPlacement: { level: 7, rationale: 'Doing well.' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'trmPlacement.level' }));
    expect((await sam.get(`/api/v1/cases/${caseId}/trm`)).body.placements).toEqual([]);
  });

  it('records progress on each action and re-plans in one go, live on the case’s stream and in the audit', async () => {
    const [worker, art, school] = await Promise.all(['r-worker', 'r-art', 'r-school'].map(byRec));
    const stream = await openEventStream(amy, caseId);
    const res = await record(
      outcome({
        actionProgress: [
          { actionId: worker.id, status: 'under_way', happened: 'Every session kept since the formulation.', barriers: '', decision: 'continue' },
          {
            actionId: art.id,
            status: 'planned',
            happened: 'The group closed.',
            barriers: 'No art group nearby.',
            decision: 'stop',
            stoppedBecause: 'The group closed.',
          },
          {
            actionId: school.id,
            status: 'under_way',
            happened: 'Used twice.',
            barriers: 'Staff changes.',
            decision: 'change',
            ownerId: 'police-jo',
            dueBy: addDays(approvedOn, 40),
          },
        ],
        newActions: [
          { text: 'Weekly football with a youth club coach.', trmLevel: 2, relationshipBased: true, ownerAgency: 'youth_club', dueBy: addDays(approvedOn, 50) },
        ],
        trmPlacement: { level: 2.5, rationale: 'Trusts his YJS worker; beginning to say what upsets him.' },
      }),
    );
    expect(res.status).toBe(200);
    // The TRM placement at this review: one of the meeting's day, linked to it.
    const placements = (await sam.get(`/api/v1/cases/${caseId}/trm`)).body.placements;
    expect(placements).toEqual([expect.objectContaining({ level: 2.5, meetingId: meeting.id, effectiveDate: meeting.startsAt.slice(0, 10) })]);
    const heard = [];
    for (let i = 0; i < 4; i++) heard.push((await stream.next('action.changed')).data.data);
    await stream.close();
    expect(heard.map((a: any) => a.status).sort()).toEqual(['planned', 'stopped', 'under_way', 'under_way']);

    const after = await actions();
    expect(after.map((a) => [a.sequence, a.text, a.status])).toEqual([
      [1, 'The same YJS worker, same day and place each week.', 'under_way'],
      [2, 'Art mentoring on Saturdays.', 'stopped'],
      [3, 'A quiet space at school for mornings.', 'under_way'],
      [4, 'Weekly football with a youth club coach.', 'planned'],
    ]);
    expect(after[1].stoppedBecause).toBe('The group closed.');
    expect(after[2]).toMatchObject({ owner: { kind: 'person', staffId: 'police-jo' }, dueBy: addDays(approvedOn, 40) });
    expect(after[3]).toMatchObject({ owner: { kind: 'agency', agency: 'youth_club' }, addedAtMeetingId: meeting.id, relationshipBased: true });

    const held = res.body;
    expect(held.outcome.actionProgress).toHaveLength(3);
    expect(held.outcome.plan.before.map((l: any) => l.status)).toEqual(['planned', 'planned', 'planned']);
    expect(held.outcome.plan.after.map((l: any) => l.status)).toEqual(['under_way', 'stopped', 'under_way', 'planned']);

    const audit = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 100_000));
    const kinds = audit.filter((e) => e.caseId === caseId).map((e) => e.action);
    expect(kinds.filter((k) => k === 'action.reviewed')).toHaveLength(3);
    expect(kinds).toContain('meeting.outcome.recorded');
  });

  it('the manager’s dashboard shows the actions overdue by agency, with the cases where the team is not holding', async () => {
    t.clock.set(`${addDays(approvedOn, 45)}T09:00:00.000Z`);
    const manager = await t.signIn('mgr-bri');
    const reference = (await manager.get(`/api/v1/cases/${caseId}`)).body.reference;
    const dashboard = await manager.get('/api/v1/services/BRI/dashboard');
    expect(dashboard.status).toBe(200);
    // Amy's weekly sessions (due in 14 days) and Jo's quiet space (40) are past; the football (50) and the stopped art are not.
    expect(dashboard.body.actionsOverdueByAgency).toEqual([
      { agency: 'police', overdue: 1, caseCount: 1, cases: [{ caseId, reference }] },
      { agency: 'youth_justice', overdue: 1, caseCount: 1, cases: [{ caseId, reference }] },
    ]);
    sam = await t.signIn('ecm-sam');
  });

  it('approving a new formulation version keeps what the review added, after the recommendations', async () => {
    const current = (await sam.get(`/api/v1/cases/${caseId}/formulation`)).body.current;
    const next = await sam.post(`/api/v1/cases/${caseId}/formulation`, { ...current.content, recommendations: current.content.recommendations.slice(0, 2) });
    expect(next.status).toBe(201);
    helen = await t.signIn('psy-helen');
    expect((await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': `"${next.body.version}"` })).status).toBe(200);
    const after = await actions();
    const football = after.find((a) => a.text.startsWith('Weekly football'));
    expect(football).toMatchObject({ status: 'planned', sequence: 3 });
    expect(after.find((a) => a.recommendationId === 'r-school')?.status).toBe('stopped');
  });
});
