import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import { readEvents } from '../support/sse.js';
import { type Api, auditTrail, startTestServer, type TestServer } from '../support/testSystem.js';

describe('the jigsaw’s questions: the chair asks an agency for a missing piece, the agency answers', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let ana: Api;
  let caseId: string;
  const questions = (who: Api) => who.get(`/api/v1/cases/${caseId}/timeline/questions`);
  const cell = async (lifeStage: string, agency: string) =>
    ((await amy.get(`/api/v1/cases/${caseId}/timeline/coverage`)).body.cells as any[]).find((c) => c.lifeStage === lifeStage && c.agency === agency);

  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    ana = await t.signIn('health-ana');
    caseId = await activeCase(amy);
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'health-ana', agency: 'health', caseRole: 'partner' });
    await ana.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2026-1' });
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
  });
  afterAll(() => t.close());

  it('puts an empty cell to the agency in the default words, shows it on the grid, and tells the watchers live', async () => {
    const stream = readEvents(await ana.raw(`/api/v1/cases/${caseId}/events`, {}));
    await stream.until((es) => es.some((e) => e.event === 'ready'));
    const asked = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'early_years', agency: 'health' });
    expect(asked.status).toBe(201);
    expect(asked.headers.get('etag')).toBe('"1"');
    expect(asked.body).toMatchObject({ wording: 'Health: anything from the early years?', status: 'open', entriesWhenAsked: 0, askedByName: 'Sam Okafor' });
    const heard = await stream.until((es) => es.some((e) => e.event === 'question.asked'));
    await stream.close();
    expect(heard.find((e) => e.event === 'question.asked')!.data.data.id).toBe(asked.body.id);
    expect((await cell('early_years', 'health')).question).toMatchObject({ id: asked.body.id, status: 'open' });
    expect((await amy.get(`/api/v1/cases/${caseId}/timeline/coverage`)).body.openQuestions).toBe(1);
    // Ana hears of it in Teams too: by case reference, agency and stage, never the chair's words.
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'notify', caseId }, 50));
    const told = jobs.filter((j) => (j.payload as any).kind === 'question.asked');
    expect(told.map((j) => j.recipient)).toEqual(['health-ana']);
    expect(told[0]!.payload).toEqual({ kind: 'question.asked', caseId, questionId: asked.body.id, lifeStage: 'early_years', agency: 'health' });
    const listed = await questions(ana);
    expect(listed.body).toMatchObject({ mayAsk: false, agency: 'health' });
    expect(listed.body.items.find((q: any) => q.id === asked.body.id).mayAnswer).toBe(true);
    const forAmy = await questions(amy);
    expect(forAmy.body.mayAsk).toBe(true);
    expect(forAmy.body.items.find((q: any) => q.id === asked.body.id).mayAnswer).toBe(false);
  });

  it('is answered by the health member adding an entry for that stage', async () => {
    const open = (await questions(ana)).body.items.find((q: any) => q.lifeStage === 'early_years' && q.status === 'open');
    const added = await ana.post(
      `/api/v1/cases/${caseId}/timeline`,
      entry({ when: { precision: 'age', age: 3 }, category: 'health_development', sourceAgency: 'health' }),
    );
    expect(added.status).toBe(201);
    const after = (await questions(amy)).body.items.find((q: any) => q.id === open.id);
    expect(after).toMatchObject({ status: 'answered', answeredBy: 'health-ana', answeredWithEntryId: added.body.id, version: 2 });
    const now = await cell('early_years', 'health');
    expect(now.entries).toBe(1);
    expect(now.question).toBeNull();
  });

  it('takes "nothing held" as an answer, which the grid then shows instead of a blank', async () => {
    const asked = await amy.post(`/api/v1/cases/${caseId}/timeline/questions`, {
      lifeStage: 'infancy',
      agency: 'health',
      wording: 'Health: any health visitor records?',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.wording).toBe('Health: any health visitor records?');
    const path = `/api/v1/cases/${caseId}/timeline/questions/${asked.body.id}/answer`;
    expect((await ana.post(path, { outcome: 'nothing_held' })).status).toBe(428);
    const answered = await ana.post(path, { outcome: 'nothing_held', note: 'Records before 2015 were not kept.' }, { 'if-match': '"1"' });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('etag')).toBe('"2"');
    expect(answered.body).toMatchObject({ status: 'nothing_held', answerNote: 'Records before 2015 were not kept.', answeredByName: 'Ana Sousa' });
    expect((await cell('infancy', 'health')).question).toMatchObject({ id: asked.body.id, status: 'nothing_held' });
    // Answered once: a second answer is refused and changes nothing.
    const again = await ana.post(path, { outcome: 'nothing_held' }, { 'if-match': '"2"' });
    expect(again.status).toBe(422);
  });

  it('may be asked of a cell that already holds entries, and says so', async () => {
    const asked = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'early_years', agency: 'health' });
    expect(asked.status).toBe(201);
    expect(asked.body.entriesWhenAsked).toBe(1);
    // Pointing to the entries the agency holds answers it; an empty cell could not be answered so.
    const r = await ana.post(`/api/v1/cases/${caseId}/timeline/questions/${asked.body.id}/answer`, { outcome: 'entries_added' }, { 'if-match': '"1"' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('answered');
  });

  it('refuses a second open question on the same cell, and bad input at its field, changing nothing', async () => {
    const first = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'primary', agency: 'health' });
    expect(first.status).toBe(201);
    const twice = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'primary', agency: 'health' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details).toEqual({ questionId: first.body.id });
    const before = (await questions(amy)).body.items.length;
    const paths = async (body: unknown) => {
      const r = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, body);
      expect(r.status).toBe(400);
      return (r.body.error.details as { path: string }[]).map((p) => p.path);
    };
    expect(await paths({ lifeStage: 'toddler', agency: 'health' })).toEqual(['lifeStage']);
    expect(await paths({ lifeStage: 'primary', agency: 'fire_service' })).toEqual(['agency']);
    // Born 2011 and 15 on the test clock's day: transition is still ahead.
    expect(await paths({ lifeStage: 'transition', agency: 'health' })).toEqual(['lifeStage']);
    // Education holds no place on this team: nobody there to answer.
    expect(await paths({ lifeStage: 'primary', agency: 'education' })).toEqual(['agency']);
    expect(await paths({ lifeStage: 'primary', agency: 'health', wording: '' })).toEqual(['wording']);
    const answer = `/api/v1/cases/${caseId}/timeline/questions/${first.body.id}/answer`;
    expect((await ana.post(answer, { outcome: 'maybe' }, { 'if-match': '"1"' })).status).toBe(400);
    // Health holds nothing for the primary years yet: "entries added" is not true, and is refused.
    expect((await ana.post(answer, { outcome: 'entries_added' }, { 'if-match': '"1"' })).status).toBe(422);
    expect((await questions(amy)).body.items.length).toBe(before);
    expect((await questions(amy)).body.items.find((q: any) => q.id === first.body.id).status).toBe('open');
    expect((await ana.post(answer, { outcome: 'nothing_held' }, { 'if-match': '"1"' })).status).toBe(200);
  });

  it('is asked only by the ECM team and the case holder, and answered only by the agency it was put to', async () => {
    const asked = await sam.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'secondary', agency: 'health' });
    expect((await ana.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'secondary', agency: 'youth_justice' })).status).toBe(403);
    const mgr = await t.signIn('mgr-bri');
    expect((await mgr.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'secondary', agency: 'youth_justice' })).status).toBe(403);
    const answer = `/api/v1/cases/${caseId}/timeline/questions/${asked.body.id}/answer`;
    expect((await amy.post(answer, { outcome: 'nothing_held' }, { 'if-match': '"1"' })).status).toBe(403);
    expect((await sam.post(answer, { outcome: 'nothing_held' }, { 'if-match': '"1"' })).status).toBe(403);
    expect((await ana.post(answer, { outcome: 'nothing_held' }, { 'if-match': '"7"' })).status).toBe(412);
  });

  it('is not there at all for someone who may not read the case', async () => {
    const dan = await t.signIn('yjs-dan');
    expect((await dan.get(`/api/v1/cases/${caseId}/timeline/questions`)).status).toBe(404);
    expect((await dan.post(`/api/v1/cases/${caseId}/timeline/questions`, { lifeStage: 'primary', agency: 'police' })).status).toBe(404);
    const some = (await questions(amy)).body.items[0];
    expect((await dan.post(`/api/v1/cases/${caseId}/timeline/questions/${some.id}/answer`, { outcome: 'nothing_held' }, { 'if-match': '"1"' })).status).toBe(
      404,
    );
    // Invited but the terms not yet accepted: the questions are closed, as the timeline is.
    const jo = await t.signIn('police-jo');
    expect((await jo.get(`/api/v1/cases/${caseId}/timeline/questions`)).status).toBe(403);
  });

  it('is audited: every question asked, every answer and every read, by case reference', async () => {
    const trail = (await auditTrail(t)).filter((e) => e.caseId === caseId);
    const asked = trail.filter((e) => e.action === 'timeline.question.asked');
    const answered = trail.filter((e) => e.action === 'timeline.question.answered');
    expect(asked.length).toBe(5);
    expect(answered.map((e) => e.detail.status).sort()).toEqual(['answered', 'answered', 'nothing_held', 'nothing_held']);
    expect(trail.some((e) => e.action === 'timeline.questions.read' && e.actorId === 'health-ana')).toBe(true);
    expect(asked.every((e) => typeof e.detail.reference === 'string')).toBe(true);
  });
});
