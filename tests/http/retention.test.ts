import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCaseDocument } from '../support/documents.js';
import { principal } from '../support/caseSetup.js';
import { activeCase } from '../support/factories.js';
import { startTestServer, type Api, type TestServer } from '../support/testSystem.js';

const meta = (caseReference: string) => ({ caseReference, documentType: 'formulation_report' as const, version: 'v1', reviewDate: null, retainUntil: null });

describe('retention: cases are kept for the service’s period after closure, then deleted when an administrator confirms', () => {
  let t: TestServer;
  let chris: Api;
  const cases: { id: string; reference: string }[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    const library = t.system.deps.library;
    chris = await t.signIn('admin-chris');
    const amy = await t.signIn('yjs-amy');
    const sam = await t.signIn('ecm-sam');
    for (let i = 0; i < 3; i++) {
      const id = await activeCase(amy);
      const view = await sam.get(`/api/v1/cases/${id}`);
      cases.push({ id, reference: view.body.reference });
      await library.putDocument(
        'BRI',
        view.body.reference,
        `${view.body.reference}_formulation-report.docx`,
        new Uint8Array([1, 2, 3]),
        meta(view.body.reference),
      );
      // Its record of published documents (bytes still queued) goes with the case when it is deleted.
      await publishCaseDocument(t.system.deps, await principal(t.system.deps, 'ecm-sam'), id, {
        fileName: `${view.body.reference}_review-record.docx`,
        content: new Uint8Array([4, 5, 6]),
        documentType: 'review_record',
        version: 'review 1',
      });
      // The first two close today; the third stays open.
      if (i < 2) expect((await sam.post(`/api/v1/cases/${id}/closure`, { reason: 'completed' }, { 'if-match': view.headers.get('etag')! })).status).toBe(200);
    }
  });
  /** The case folders in the service's library (the local library, as in local mode). */
  const folders = async () => [...new Set((await t.system.deps.library.listLibrary('BRI')).map((i) => i.folder))].sort();
  afterAll(() => t.close());

  it('an administrator sets the years by pathway; nobody else may', async () => {
    const amy = await t.signIn('yjs-amy');
    expect((await amy.put('/api/v1/services/BRI/retention', { statutoryYears: 1, consultationYears: 1 })).status).toBe(403);
    const bad = await chris.put('/api/v1/services/BRI/retention', { statutoryYears: 0, consultationYears: 1 });
    expect(bad.status).toBe(400);
    const set = await chris.put('/api/v1/services/BRI/retention', { statutoryYears: 1, consultationYears: 2 });
    expect(set.status).toBe(200);
    expect((await amy.get('/api/v1/services/BRI/retention')).body).toEqual({ statutoryYears: 1, consultationYears: 2 });
  });

  it('each case shows its retain-until date: closure plus the pathway’s years, none while open', async () => {
    const sam = await t.signIn('ecm-sam');
    expect((await sam.get(`/api/v1/cases/${cases[0]!.id}`)).body.retainUntil).toBe('2027-11-27');
    expect((await sam.get(`/api/v1/cases/${cases[2]!.id}`)).body.retainUntil).toBeNull();
  });

  it('a case still inside its period is neither listed nor deleted', async () => {
    expect((await chris.get('/api/v1/retention/cases-due')).body.items).toEqual([]);
    const early = await chris.post(`/api/v1/retention/cases-due/${cases[0]!.id}/deletion`, { confirmReference: cases[0]!.reference });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('kept until 2027-11-27');
    expect(await folders()).toContain(cases[0]!.reference);
  });

  it('once expired, only the cases an administrator confirms are deleted, with their folders; an audit record stays', async () => {
    t.clock.set('2027-11-28T09:00:00Z');
    chris = await t.signIn('admin-chris');
    const due = await chris.get('/api/v1/retention/cases-due?service=BRI');
    expect(due.status).toBe(200);
    expect(due.body.items.map((c: { reference: string }) => c.reference)).toEqual([cases[0]!.reference, cases[1]!.reference]);
    expect(Object.keys(due.body.items[0]).sort()).toEqual(['caseId', 'closedOn', 'closureReason', 'pathway', 'reference', 'retainUntil', 'serviceId']);

    const wrong = await chris.post(`/api/v1/retention/cases-due/${cases[0]!.id}/deletion`, { confirmReference: cases[1]!.reference });
    expect(wrong.status).toBe(422);
    const open = await chris.post(`/api/v1/retention/cases-due/${cases[2]!.id}/deletion`, { confirmReference: cases[2]!.reference });
    expect(open.status).toBe(422);

    const done = await chris.post(`/api/v1/retention/cases-due/${cases[0]!.id}/deletion`, { confirmReference: cases[0]!.reference });
    expect(done.status).toBe(200);
    expect(done.body.reference).toBe(cases[0]!.reference);

    const sam = await t.signIn('ecm-sam');
    expect((await sam.get(`/api/v1/cases/${cases[0]!.id}`)).status).toBe(404);
    expect((await sam.get(`/api/v1/cases/${cases[1]!.id}`)).status).toBe(200);
    expect((await sam.get(`/api/v1/cases/${cases[2]!.id}`)).status).toBe(200);
    expect(await folders()).toEqual([cases[1]!.reference, cases[2]!.reference]);
    const published = await t.system.deps.store.transaction(async (tx) => [
      (await tx.documents.list(cases[0]!.id)).length,
      (await tx.documents.list(cases[1]!.id)).length,
    ]);
    expect(published).toEqual([0, 1]);
    expect((await chris.get('/api/v1/retention/cases-due')).body.items.map((c: { reference: string }) => c.reference)).toEqual([cases[1]!.reference]);

    const purged = await t.system.deps.store.transaction(async (tx) => (await tx.audit.read('BRI', 0, 10_000)).filter((e) => e.action === 'case.purged'));
    expect(purged).toHaveLength(1);
    expect(purged[0]!.detail).toMatchObject({ reference: cases[0]!.reference, closedOn: '2026-11-27', retainUntil: '2027-11-27' });
    expect(JSON.stringify(purged[0])).not.toContain('Jordan');
  });

  it('managers and practitioners can neither list nor delete', async () => {
    for (const who of ['mgr-bri', 'ecm-sam']) {
      const api = await t.signIn(who);
      expect((await api.get('/api/v1/retention/cases-due')).status).toBe(403);
      expect((await api.post(`/api/v1/retention/cases-due/${cases[1]!.id}/deletion`, { confirmReference: cases[1]!.reference })).status).toBe(403);
    }
  });
});
