import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS_PREPARE_KIND, prepareDocumentsJob } from '../../src/app/documents/prepareDocumentsJob.js';
import { delivererOf } from '../../src/jobs/registry.js';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { drainOutbox } from '../support/outbox.js';
import { type Api, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

const FILES = ['formulation-report.docx', 'timeline.svg', 'youth-friendly-formulation.docx'];

/**
 * The "done when", in local mode: a psychologist approves, and after the worker has run the
 * report, the youth-friendly version and the timeline picture are in the case's folder of the
 * local library, with their metadata; a second approval makes second versions, not second files.
 */
describe('publishing a case’s documents when a formulation is approved or a review is recorded', () => {
  let t: TestServer;
  let amy: Api;
  let helen: Api;
  let sam: Api;
  let caseId: string;
  let reference: string;
  let folder: string;

  /** What the local library holds for the case: each file beside its record of versions and metadata. */
  const library = () => {
    const names = readdirSync(folder).filter((n) => !n.startsWith('.'));
    return names.sort().map((name) => {
      const record = JSON.parse(readFileSync(join(folder, '.ecm', `${name}.json`), 'utf8')) as { versions: { label: string; metadata: any }[] };
      return { name, versions: record.versions.map((v) => v.label), metadata: record.versions.at(-1)!.metadata };
    });
  };
  const at = async (instant: string) => {
    t.clock.set(instant);
    [amy, helen, sam] = [await t.signIn('yjs-amy'), await t.signIn('psy-helen'), await t.signIn('ecm-sam')];
  };

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

  it('approving commits only a job: the documents are made by the worker, not while the psychologist waits', async () => {
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId, status: 'pending' }, 50));
    expect(jobs.filter((j) => j.kind.startsWith('document')).map((j) => [j.kind, j.payload])).toEqual([
      [DOCUMENTS_PREPARE_KIND, { caseId, trigger: { kind: 'formulation.approved', formulationNumber: 1 } }],
    ]);
    expect((await amy.get(`/api/v1/cases/${caseId}/documents`)).body.items).toEqual([]);
  });

  it('after the worker runs, the three documents are in the case’s folder, named by reference, with their metadata', async () => {
    await drainOutbox(t.system);
    expect(library().map((f) => [f.name, f.versions])).toEqual(FILES.map((f) => [`${reference}_${f}`, ['1.0']]));
    for (const f of library()) {
      expect(f.metadata).toEqual({
        caseReference: reference,
        documentType: expect.stringMatching(/^(formulation_report|youth_friendly_formulation|timeline_picture)$/),
        version: 'v1',
        reviewDate: '2027-02-19',
        retainUntil: null,
      });
      expect(f.name).not.toMatch(/Jordan/);
    }
    const listed = await amy.get(`/api/v1/cases/${caseId}/documents`);
    expect(listed.body.items.map((d: any) => [d.status, d.libraryVersion, d.metadata.version])).toEqual([
      ['delivered', '1.0', 'v1'],
      ['delivered', '1.0', 'v1'],
      ['delivered', '1.0', 'v1'],
    ]);
  });

  it('approving version 2 makes second versions of the same three files, not second files', async () => {
    const started = await helen.post(`/api/v1/cases/${caseId}/formulation`);
    expect(started.status).toBe(201);
    const approved = await helen.post(`/api/v1/cases/${caseId}/formulation/approval`, undefined, { 'if-match': started.headers.get('etag')! });
    expect(approved.status).toBe(200);
    await drainOutbox(t.system);
    expect(library().map((f) => [f.name, f.versions, f.metadata.version])).toEqual(FILES.map((f) => [`${reference}_${f}`, ['1.0', '2.0'], 'v2']));
    // The case says which version the library now shows: version 1's files are superseded, not still "delivered".
    const documents = (await amy.get(`/api/v1/cases/${caseId}/documents`)).body.items;
    const states = documents.map((d: any) => `${d.metadata.version} ${d.status}`).sort();
    expect(states).toEqual([...Array(3).fill('v1 superseded'), ...Array(3).fill('v2 delivered')]);
  });

  it('a preparation retried after its documents were queued queues nothing twice, and the library gets no extra version', async () => {
    const [job] = await t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId, kind: DOCUMENTS_PREPARE_KIND }, 1));
    const before = (await amy.get(`/api/v1/cases/${caseId}/documents`)).body.items.length;
    // The worker crashed after queueing the files but before marking the job done: it runs again.
    expect(await delivererOf(prepareDocumentsJob, t.system.deps)(job!)).toEqual({ ok: true });
    await drainOutbox(t.system);
    expect((await amy.get(`/api/v1/cases/${caseId}/documents`)).body.items).toHaveLength(before);
    expect(library().every((f) => f.versions.length === 2)).toBe(true);
  });

  it('recording a review’s outcome files its review record, dated with the next review', async () => {
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
    const review = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt: '2027-02-05T10:00:00Z',
      endsAt: '2027-02-05T11:00:00Z',
      attendeeIds: ['ecm-sam', 'yjs-amy'],
    });
    expect(review.status).toBe(201);
    await at('2027-02-05T11:30:00Z');
    try {
      const r1 = (await sam.get(`/api/v1/cases/${caseId}/actions`)).body.items.find((a: { recommendationId: string }) => a.recommendationId === 'r1');
      const held = await sam.post(
        `/api/v1/cases/${caseId}/meetings/${review.body.id}/outcome`,
        { summary: 'Settling at school.', actionProgress: [{ actionId: r1.id, status: 'under_way', decision: 'continue' }], nextReviewDue: '2027-04-30' },
        { 'if-match': `"${review.body.version}"` },
      );
      expect(held.status).toBe(200);
      await drainOutbox(t.system);
      expect(library().find((f) => f.name.includes('review-record'))).toEqual({
        name: `${reference}_review-record_2027-02-05.docx`,
        versions: ['1.0'],
        metadata: { caseReference: reference, documentType: 'review_record', version: 'review 1', reviewDate: '2027-04-30', retainUntil: null },
      });
    } finally {
      await at(TODAY);
    }
  });

  it('closing the case stamps every file in its folder with the date it is kept until, without a new version', async () => {
    const view = await sam.get(`/api/v1/cases/${caseId}`);
    const closed = await sam.post(`/api/v1/cases/${caseId}/closure`, { reason: 'completed' }, { 'if-match': `"${view.body.version}"` });
    expect(closed.status).toBe(200);
    expect(closed.body.retainUntil).toBe('2033-11-27');
    await drainOutbox(t.system);
    expect(library().map((f) => [f.name, f.versions.length, f.metadata.retainUntil])).toEqual([
      [`${reference}_formulation-report.docx`, 2, '2033-11-27'],
      [`${reference}_review-record_2027-02-05.docx`, 1, '2033-11-27'],
      [`${reference}_timeline.svg`, 2, '2033-11-27'],
      // Made again after the review, so that it says what the review decided.
      [`${reference}_youth-friendly-formulation.docx`, 3, '2033-11-27'],
    ]);
  });

  it('a version approved while the one before still waited for the worker is the only one filed, so the library never goes back to the older', async () => {
    const other = (await caseWithApprovedFormulation(amy, helen)).id;
    const started = await helen.post(`/api/v1/cases/${other}/formulation`);
    expect((await helen.post(`/api/v1/cases/${other}/formulation/approval`, undefined, { 'if-match': started.headers.get('etag')! })).status).toBe(200);
    await drainOutbox(t.system);
    const ref = (await amy.get(`/api/v1/cases/${other}`)).body.reference;
    const items = (await t.system.deps.library.listLibrary('BRI')).filter((i) => i.folder === ref);
    expect(items.map((i) => [i.versionLabel, i.metadata?.version])).toEqual([
      ['1.0', 'v2'],
      ['1.0', 'v2'],
      ['1.0', 'v2'],
    ]);
  });

  it('an administrator changing the service’s periods restamps its closed cases’ files', async () => {
    const admin = await t.signIn('admin-chris');
    const changed = await admin.put('/api/v1/services/BRI/retention', { statutoryYears: 10, consultationYears: 2 });
    expect(changed.status).toBe(200);
    await drainOutbox(t.system);
    expect(new Set(library().map((f) => f.metadata.retainUntil))).toEqual(new Set(['2036-11-27']));
  });
});
