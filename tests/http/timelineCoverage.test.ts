import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import { type Api, auditTrail, startTestServer, type TestServer } from '../support/testSystem.js';

describe('the jigsaw: who knows what about the child’s life', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    caseId = await activeCase(amy);
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'police-jo', agency: 'police', caseRole: 'partner' });
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ when: { precision: 'age', age: 7 }, sourceAgency: 'education' }));
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ when: { precision: 'age', age: 8 }, sourceAgency: 'education' }));
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ when: { precision: 'age', age: 1 }, sourceAgency: 'health' }));
    const wrong = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ when: { precision: 'age', age: 12 }, sourceAgency: 'youth_justice' }));
    await amy.post(`/api/v1/cases/${caseId}/timeline/${wrong.body.id}/retraction`, { reason: 'Recorded on the wrong case.' }, { 'if-match': '"1"' });
  });
  afterAll(() => t.close());

  it('counts each agency’s live entries by life stage, up to the stage the child is in now', async () => {
    const r = await amy.get(`/api/v1/cases/${caseId}/timeline/coverage`);
    expect(r.status).toBe(200);
    // Born 2011, 15 on the test clock's day: no "transition" column yet.
    expect(r.body.lifeStages).toEqual(['pregnancy', 'infancy', 'early_years', 'primary', 'secondary']);
    const cell = (lifeStage: string, agency: string) => r.body.cells.find((c: any) => c.lifeStage === lifeStage && c.agency === agency)?.entries;
    expect(cell('primary', 'education')).toBe(2);
    expect(cell('infancy', 'health')).toBe(1);
    // The retracted entry is not a piece of the picture.
    expect(cell('secondary', 'youth_justice')).toBe(0);
  });

  it('shows which agencies on the team have not contributed, and every empty cell as a missing piece', async () => {
    const r = await amy.get(`/api/v1/cases/${caseId}/timeline/coverage`);
    const agencies = r.body.agencies.map((a: any) => a.agency);
    expect(agencies).toEqual(expect.arrayContaining(['youth_justice', 'police', 'education', 'health']));
    expect(r.body.agencies.find((a: any) => a.agency === 'health').onTeam).toBe(false);
    expect(r.body.notYetContributed).toEqual(expect.arrayContaining(['youth_justice', 'police']));
    expect(r.body.notYetContributed).not.toContain('education');
    expect(r.body.gaps).toContainEqual({ lifeStage: 'pregnancy', agency: 'police' });
    expect(r.body.gaps).not.toContainEqual({ lifeStage: 'primary', agency: 'education' });
    expect(r.body.cells).toHaveLength(r.body.lifeStages.length * r.body.agencies.length);
  });

  it('is refused, as the timeline is, to a partner who may not read the case', async () => {
    const jo = await t.signIn('police-jo');
    // Invited but the terms not yet accepted: the timeline is closed to them, and so is the jigsaw.
    const timeline = await jo.get(`/api/v1/cases/${caseId}/timeline`);
    expect(timeline.status).toBeGreaterThanOrEqual(403);
    expect((await jo.get(`/api/v1/cases/${caseId}/timeline/coverage`)).status).toBe(timeline.status);
    // Another service's practitioner is not told the case exists.
    const dan = await t.signIn('yjs-dan');
    expect((await dan.get(`/api/v1/cases/${caseId}/timeline/coverage`)).status).toBe(404);
  });

  it('is audited like any read of the case', async () => {
    await amy.get(`/api/v1/cases/${caseId}/timeline/coverage`);
    const reads = (await auditTrail(t)).filter((e) => e.action === 'timeline.coverage.read' && e.caseId === caseId);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.actorId === 'yjs-amy')).toBe(true);
  });
});
