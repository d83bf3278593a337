import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { openDocx } from '../support/docx.js';
import { entry } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const DAY = 86_400_000;

/** What a reader sees of a Word file: its body, headers, footers and pictures (not the zip's own timestamps). */
function contentOf(bytes: Uint8Array): Record<string, string> {
  const parts = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(parts)
      .filter(([name]) => /^word\/(document|header\d*|footer\d*|numbering|styles)\.xml$|^word\/media\//.test(name))
      .map(([name, b]) => [name, name.startsWith('word/media/') ? Buffer.from(b).toString('base64') : strFromU8(b)]),
  );
}

describe('an approved version says what was approved, on any later day', () => {
  let t: TestServer;
  let amy: Api;
  let helen: Api;
  let caseId: string;
  let entries: string[];
  const report = async (query = '?version=1') => {
    const res = await amy.raw(`/api/v1/cases/${caseId}/documents/formulation-report${query}`, { method: 'GET' });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    helen = await t.signIn('psy-helen');
    ({ id: caseId, entries } = await caseWithApprovedFormulation(amy, helen));
  });
  afterAll(() => t.close());

  it('the same entries, evidence numbers and text after entries are added, one is edited and the TRM placement changes', async () => {
    const first = await report();
    const before = openDocx(first).allText;
    expect(before).toMatch(/E1\s*Pregnancy/);

    // Weeks later: an entry earlier in life than all the others (it would take E1), a new one, an edit, a new placement.
    t.clock.advance(40 * DAY);
    // Sessions do not last weeks: sign in again on the later day.
    amy = await t.signIn('yjs-amy');
    helen = await t.signIn('psy-helen');
    for (const e of [
      entry({ when: { precision: 'lifeStage', lifeStage: 'pregnancy' }, category: 'pregnancy_birth', sourceAgency: 'health', description: 'Born early.' }),
      entry({ when: { precision: 'day', date: '2026-12-20' }, category: 'strengths_achievements', description: 'Finished a boxing course.' }),
    ]) {
      expect((await amy.post(`/api/v1/cases/${caseId}/timeline`, e)).status).toBe(201);
    }
    const edited = await amy.put(
      `/api/v1/cases/${caseId}/timeline/${entries[1]}`,
      entry({ when: { precision: 'age', age: 7 }, category: 'home_family', sourceAgency: 'social_care', description: 'Moved to an aunt, then back home.' }),
      { 'if-match': '"1"' },
    );
    expect(edited.status).toBe(200);
    const today = new Date(t.clock.now()).toISOString().slice(0, 10);
    expect((await helen.post(`/api/v1/cases/${caseId}/trm`, { level: 3, rationale: 'Ready for more.', effectiveDate: today })).status).toBe(201);

    const again = await report();
    expect(contentOf(again)).toEqual(contentOf(first));
    const after = openDocx(again).allText;
    expect(after).not.toMatch(/Born early|boxing course|then back home|Level 3/);
    expect(after).toContain('The young person moved to live with an aunt.');
    // The newest approved version is what a download without ?version gives.
    expect(contentOf(await report(''))).toEqual(contentOf(first));
  });

  it('a new draft shows the record as it stands, with what was added since', async () => {
    const drafted = await helen.post(`/api/v1/cases/${caseId}/formulation`);
    expect(drafted.status).toBe(201);
    const draft = openDocx(await report('?version=2')).allText;
    expect(draft).toContain('Born early.');
    expect(draft).toContain('Level 3');
    expect(draft).toContain('Draft: not yet approved');
  });

  it('is not approved while the youth-friendly text names the young person, and nothing changes', async () => {
    const current = await helen.get(`/api/v1/cases/${caseId}/formulation`);
    const content = current.body.current.content;
    const named = await helen.put(
      `/api/v1/cases/${caseId}/formulation`,
      { ...content, youthFriendly: { ...content.youthFriendly, strengths: 'Jordan’s art is great.' } },
      { 'if-match': current.headers.get('etag')! },
    );
    expect(named.status).toBe(200);
    const refused = await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': named.headers.get('etag')! });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/names the young person/);
    expect(refused.body.error.details).toEqual({ sections: ['strengths'] });
    expect((await helen.get(`/api/v1/cases/${caseId}/formulation`)).body.current.status).toBe('draft');
  });
});
