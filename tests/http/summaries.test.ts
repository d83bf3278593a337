import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_PREPARE_KIND } from '../../src/app/documents/prepareDocumentsJob.js';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { openDocx } from '../support/docx.js';
import { drainOutbox } from '../support/outbox.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const bytes = async (api: Api, path: string) => {
  const res = await api.raw(path, { method: 'GET' });
  return { status: res.status, headers: res.headers, content: new Uint8Array(await res.arrayBuffer()) };
};

const COURT = {
  inEcm: 'The young person has worked with the ECM team since the autumn.',
  plan: 'The same worker sees the young person every week.',
  askedOfChild: 'To meet their worker each Tuesday.',
  askedOfAdults: 'Their school keeps a quiet room open at lunch.',
  relationshipsFirst: 'A trusted adult comes before work on behaviour.',
};

/**
 * Issue 15 §5 and issue 14 §3: a summary for the court and a handover for adult services, drafted
 * from the approved formulation, worded and approved by the psychologist, downloaded as Word and
 * published to the case's folder of the library as a new version each time.
 */
describe('summaries for the court and for adult services', () => {
  let t: TestServer;
  let amy: Api;
  let helen: Api;
  let sam: Api;
  let caseId: string;
  let reference: string;
  let folder: string;
  const path = (kind: string) => `/api/v1/cases/${caseId}/summaries/${kind}`;
  const versionsOf = (name: string) =>
    (JSON.parse(readFileSync(join(folder, '.ecm', `${name}.json`), 'utf8')) as { versions: { label: string; metadata: unknown }[] }).versions;

  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    helen = await t.signIn('psy-helen');
    sam = await t.signIn('ecm-sam');
    caseId = (await caseWithApprovedFormulation(amy, helen)).id;
    reference = (await amy.get(`/api/v1/cases/${caseId}`)).body.reference;
    folder = join(t.system.config.DATA_DIR, 'library', 'BRI', reference);
  });
  afterAll(() => t.close());

  it('a first draft of the court summary is made from the approved formulation and the plan, naming nobody', async () => {
    const res = await sam.get(path('court'));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"0"');
    expect(res.body).toMatchObject({ kind: 'court', status: 'draft', formulationNumber: 1, approved: null, version: 0 });
    expect(res.body.sections.inEcm).toMatch(/referred to Enhanced Case Management \(ECM\) with .+ on \d+ \w+ \d{4}/);
    expect(res.body.sections.plan).toContain('1. The same worker each week.');
    expect(res.body.sections.relationshipsFirst).toContain('The same worker each week.');
    // The clinical hypotheses stay out of what the court reads.
    expect(JSON.stringify(res.body.sections)).not.toContain('Trust in adults is fragile');
    expect(JSON.stringify(res.body.sections)).not.toMatch(/Jordan/);
  });

  it('the adult handover draft gives what the formulation found, what works, and the trusted adults', async () => {
    const res = await sam.get(path('adult-handover'));
    expect(res.status).toBe(200);
    expect(res.body.sections.found).toContain('The young person has lived in four homes.');
    expect(res.body.sections.found).toContain('Trust in adults is fragile after early moves.');
    expect(res.body.sections.whatWorks).toContain('A talented artist.');
    expect(res.body.sections.trustedAdults).toMatch(/Amy/);
  });

  it('the ECM practitioner saves the wording with If-Match; a stale version is refused and changes nothing', async () => {
    const saved = await sam.put(path('court'), { sections: COURT }, { 'if-match': '"0"' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', version: 1, sections: COURT, updatedByName: expect.any(String) });
    const stale = await sam.put(path('court'), { sections: { ...COURT, plan: 'Overwritten.' } }, { 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    expect((await sam.get(path('court'))).body.sections.plan).toBe(COURT.plan);
  });

  it('a section too long, or one the summary does not have, is refused in the form’s words, and nothing is saved', async () => {
    const res = await sam.put(path('court'), { sections: { ...COURT, courtDate: 'Monday', askedOfChild: 'x'.repeat(6001) } }, { 'if-match': '"1"' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['sections', 'sections.askedOfChild']);
    expect((await sam.get(path('court'))).body.version).toBe(1);
  });

  it('only a psychologist approves; a text naming the young person is refused until it says “the young person”', async () => {
    expect((await sam.post(`${path('court')}/approve`, undefined, { 'if-match': '"1"' })).status).toBe(403);
    const named = await helen.put(path('court'), { sections: { ...COURT, askedOfChild: 'Jordan meets their worker each Tuesday.' } }, { 'if-match': '"1"' });
    expect(named.status).toBe(200);
    const refused = await helen.post(`${path('court')}/approve`, undefined, { 'if-match': '"2"' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual({ sections: ['askedOfChild'] });
    const fixed = await helen.put(path('court'), { sections: COURT }, { 'if-match': '"2"' });
    const approved = await helen.post(`${path('court')}/approve`, undefined, { 'if-match': `"${fixed.body.version}"` });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approved: { number: 1, approvedBy: 'psy-helen', sections: COURT } });
  });

  it('approval commits a documents job; the worker files the summary in the library named by case reference', async () => {
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId, kind: DOCUMENTS_PREPARE_KIND }, 50));
    expect(jobs.map((j) => j.payload)).toContainEqual({ caseId, trigger: { kind: 'summary.approved', summaryKind: 'court', number: 1 } });
    await drainOutbox(t.system);
    const name = `${reference}_court-summary.docx`;
    expect(readdirSync(folder)).toContain(name);
    expect(versionsOf(name).map((v) => v.label)).toEqual(['1.0']);
    expect(versionsOf(name).at(-1)!.metadata).toMatchObject({ caseReference: reference, documentType: 'court_summary', version: 'v1' });
    const filed = openDocx(new Uint8Array(readFileSync(join(folder, name))));
    expect(filed.allText).toContain('Summary for the court');
    expect(filed.allText).toContain(COURT.relationshipsFirst);
    expect(filed.allText).not.toMatch(/Jordan|2011-05-14/);
  });

  it('a change after approval is a draft again; approving it makes a second version of the same file', async () => {
    const current = await helen.get(path('court'));
    const changed = await helen.put(
      path('court'),
      { sections: { ...COURT, plan: 'Weekly sessions, then a college taster.' } },
      { 'if-match': current.headers.get('etag')! },
    );
    expect(changed.body).toMatchObject({ status: 'draft', approved: { number: 1 } });
    // Until it is approved, the download gives the approved wording; the draft is there to preview.
    expect(openDocx((await bytes(amy, `${path('court')}/document`)).content).allText).not.toContain('college taster');
    expect(openDocx((await bytes(amy, `${path('court')}/document?wording=draft`)).content).allText).toContain('Draft, not yet approved');
    const approved = await helen.post(`${path('court')}/approve`, undefined, { 'if-match': changed.headers.get('etag')! });
    expect(approved.body.approved.number).toBe(2);
    await drainOutbox(t.system);
    const name = `${reference}_court-summary.docx`;
    expect(versionsOf(name).map((v) => v.label)).toEqual(['1.0', '2.0']);
    expect(readdirSync(folder).filter((n) => n.includes('court-summary'))).toEqual([name]);
  });

  it('the case holder downloads the summary as a Word file named by reference; the download is audited', async () => {
    const res = await bytes(amy, `${path('court')}/document`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${reference}_court-summary.docx"`);
    expect(openDocx(res.content).allText).toContain('college taster');
    const audit = await t.system.deps.store.transaction((tx) => tx.audit.read('BRI', 0, 10_000));
    expect(audit.filter((e) => e.caseId === caseId && e.actorId === 'yjs-amy' && e.action === 'documents.generated').at(-1)!.detail).toMatchObject({
      document: 'court_summary',
      wording: 'approved',
    });
    expect(audit.some((e) => e.action === 'summary.approved' && e.actorId === 'psy-helen')).toBe(true);
  });

  it('the adult handover is approved and published the same way', async () => {
    const draft = await helen.get(path('adult-handover'));
    // The formulation says nothing of triggers: the draft leaves the section for the psychologist to write.
    expect(draft.body.sections.triggers).toBe('');
    const first = await helen.put(path('adult-handover'), { sections: draft.body.sections }, { 'if-match': '"0"' });
    const incomplete = await helen.post(`${path('adult-handover')}/approve`, undefined, { 'if-match': first.headers.get('etag')! });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.message).toContain('Triggers');
    const sections = { ...draft.body.sections, triggers: 'Being shouted at.', avoid: 'Changing worker without warning.' };
    const saved = await helen.put(path('adult-handover'), { sections }, { 'if-match': first.headers.get('etag')! });
    expect((await helen.post(`${path('adult-handover')}/approve`, undefined, { 'if-match': saved.headers.get('etag')! })).status).toBe(200);
    await drainOutbox(t.system);
    const name = `${reference}_adult-handover-summary.docx`;
    expect(versionsOf(name).at(-1)!.metadata).toMatchObject({ documentType: 'adult_handover_summary', version: 'v1' });
    expect(openDocx(new Uint8Array(readFileSync(join(folder, name)))).allText).toContain('Changing worker without warning.');
  });

  it('an unknown kind of summary is not found', async () => {
    expect((await sam.get(path('probation'))).status).toBe(404);
  });
});
