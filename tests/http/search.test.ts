import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMS_VERSION } from '../../src/domain/team.js';
import { activeCase, entry } from '../support/factories.js';
import { type Api, auditTrail, startTestServer, type TestServer } from '../support/testSystem.js';

describe('finding: the caseload by name or reference, the timeline by words, agency and life stage', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let jo: Api;
  let caseId: string;
  let reference: string;
  beforeAll(async () => {
    t = await startTestServer();
    [amy, sam, jo] = (await Promise.all(['yjs-amy', 'ecm-sam', 'police-jo'].map((id) => t.signIn(id)))) as [Api, Api, Api];
    caseId = await activeCase(amy, { childName: 'Riley Fernsby' });
    reference = (await amy.get(`/api/v1/cases/${caseId}`)).body.reference;
    await activeCase(amy, { childName: 'Kai Moorland' });
    expect((await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' })).status).toBe(201);
    expect((await jo.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: TERMS_VERSION })).status).toBe(201);
    const add = async (body: Record<string, unknown>) => expect((await amy.post(`/api/v1/cases/${caseId}/timeline`, entry(body))).status).toBe(201);
    await add({ when: { precision: 'age', age: 7 }, description: 'Bullied at school; moved class after a meeting with the head.' });
    await add({ when: { precision: 'age', age: 13 }, description: 'Excluded for a fixed term after a fight at school.' });
    await add({
      when: { precision: 'age', age: 3 },
      sourceAgency: 'health',
      category: 'health_development',
      description: 'Speech and language assessment at the clinic.',
    });
    const wrong = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ when: { precision: 'age', age: 9 }, description: 'Bullying at the youth club.' }));
    await amy.post(`/api/v1/cases/${caseId}/timeline/${wrong.body.id}/retraction`, { reason: 'Recorded on the wrong case.' }, { 'if-match': '"1"' });
  });
  afterAll(() => t.close());

  const search = (who: Api, query: string, id = caseId) => who.get(`/api/v1/cases/${id}/timeline/search?${query}`);

  it('finds the live entries holding the words, in life order, with the matched words to highlight', async () => {
    const r = await search(amy, 'q=school');
    expect(r.status).toBe(200);
    expect(r.body.more).toBe(false);
    const texts = r.body.items.map((m: any) => m.entry.description);
    expect(texts).toEqual(['Bullied at school; moved class after a meeting with the head.', 'Excluded for a fixed term after a fight at school.']);
    for (const m of r.body.items) {
      expect(m.highlights.map((h: any) => m.entry.description.slice(h.start, h.end))).toEqual(['school']);
    }
    // The retracted entry's words are not found: "bullying" finds only the live "Bullied".
    const bullying = await search(amy, 'q=bullying');
    expect(bullying.body.items.map((m: any) => m.entry.description)).toEqual(['Bullied at school; moved class after a meeting with the head.']);
  });

  it('narrows by agency and life stage, and the timeline list narrows by life stage too', async () => {
    expect((await search(amy, 'q=school&stage=secondary')).body.items).toHaveLength(1);
    expect((await search(amy, 'q=school&agency=health')).body.items).toHaveLength(0);
    expect((await search(amy, 'q=clinic&agency=health,education&stage=early_years')).body.items).toHaveLength(1);
    const list = await amy.get(`/api/v1/cases/${caseId}/timeline?stage=early_years`);
    expect(list.body.items.map((e: any) => e.sourceAgency)).toEqual(['health']);
  });

  it('lets a partner on the team search what they may read', async () => {
    const r = await search(jo, 'q=exclu');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
  });

  it('searching the timeline for a word in a restricted health entry finds nothing for a partner (police) and finds it for the ECM team', async () => {
    const added = await amy.post(
      `/api/v1/cases/${caseId}/timeline`,
      entry({
        when: { precision: 'age', age: 12 },
        sourceAgency: 'health',
        category: 'health_development',
        description: 'Seen by the school nurse after disclosing self-harm.',
      }),
    );
    expect(added.status).toBe(201);
    // Restricted as the contributor (or the ECM team) would restrict it (src/domain/restriction.ts).
    await t.system.deps.store.transaction(async (tx) => {
      const e = (await tx.timeline.get(caseId, added.body.id))!;
      const restriction = { at: '2026-11-27T10:00:00.000Z', by: 'ecm-sam', byName: 'Sam Okafor', reason: 'Health information shared in confidence.' };
      expect(await tx.timeline.update({ ...e, restriction, version: e.version + 1 }, e.version)).toBe(true);
    });
    const forPolice = await search(jo, 'q=nurse');
    expect(forPolice.status).toBe(200);
    expect(forPolice.body).toEqual({ items: [], more: false });
    // Not even counted among other matches: "school" finds only the entries the partner may read.
    const schoolForPolice = await search(jo, 'q=school');
    expect(schoolForPolice.body.items.map((m: any) => m.entry.id)).not.toContain(added.body.id);
    expect(JSON.stringify(schoolForPolice.body)).not.toMatch(/nurse|self-harm/);
    const forEcm = await search(sam, 'q=nurse');
    expect(forEcm.body.items.map((m: any) => m.entry.id)).toEqual([added.body.id]);
    expect(forEcm.body.items[0].highlights).toHaveLength(1);
  });

  it('refuses an empty, wordless or too-long search at its field, and unknown filters', async () => {
    for (const query of ['', 'q=', 'q=%20%20', 'q=...!', `q=${'a '.repeat(101)}`, 'q=school&stage=adulthood', 'q=school&agency=bakery', 'q=school&sort=rank']) {
      const r = await search(amy, query);
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
    }
    const tooLong = await search(amy, `q=${'word '.repeat(41)}`);
    expect(tooLong.body.error.details).toEqual([{ path: 'q', message: expect.stringMatching(/at most 200 characters/) }]);
  });

  it('does not tell someone outside the case that it exists', async () => {
    const dan = await t.signIn('yjs-dan');
    expect((await search(dan, 'q=school')).status).toBe(404);
    expect((await search(amy, 'q=school', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('is audited like any read, with how many words and matches but never the words', async () => {
    await search(sam, 'q=Fernsby%20school');
    const events = (await auditTrail(t)).filter((e) => e.action === 'timeline.search' && e.actorId === 'ecm-sam');
    expect(events.at(-1)).toMatchObject({ caseId, detail: { reference, words: 2, matches: 0 } });
    expect(JSON.stringify(events)).not.toMatch(/fernsby|school/i);
  });

  it("finds the caseload's cases by the child's name or the reference, only among the person's cases, audited without the words", async () => {
    const byName = await amy.get('/api/v1/cases?q=riley%20fern');
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((c: any) => c.id)).toEqual([caseId]);
    const byReference = await amy.get(`/api/v1/cases?q=${encodeURIComponent(reference.toLowerCase())}`);
    expect(byReference.body.items.map((c: any) => c.id)).toEqual([caseId]);
    expect((await amy.get('/api/v1/cases?q=nobody')).body.items).toEqual([]);
    // Another service's practitioner finds nothing of Bristol's children.
    const dan = await t.signIn('yjs-dan');
    expect((await dan.get('/api/v1/cases?q=riley')).body.items).toEqual([]);
    expect((await amy.get(`/api/v1/cases?q=${'x'.repeat(201)}`)).status).toBe(400);
    const reads = (await auditTrail(t)).filter((e) => e.action === 'caseload.read' && e.detail.searched === true);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(reads)).not.toMatch(/riley|nobody/i);
  });
});
