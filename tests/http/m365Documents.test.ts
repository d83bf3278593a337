import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCaseDocument } from '../support/documents.js';
import { LIBRARY_COLUMNS } from '../../src/adapters/m365/sharePointLibrary.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { entry } from '../support/factories.js';
import { drainOutbox } from '../support/outbox.js';
import type { Api } from '../support/testSystem.js';
import { startM365TestServer, type M365TestServer } from '../support/m365System.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Microsoft 365 mode's "done when": a case's documents reach its own service's library, with metadata and versions. */
describe('case documents in SharePoint', () => {
  let t: M365TestServer;
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it("files a case's reports in its own service's library, by reference only, with metadata and versions", async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'NSO');
    const fileName = `${reference} formulation.docx`;
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName,
      content: bytes('v1'),
      documentType: 'formulation_report',
      version: 'v1',
      retainUntil: '2034-11-27',
    });
    await t.system.worker.runOnce();
    t.clock.advance(60_000);
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName,
      content: bytes('v2 revised'),
      documentType: 'formulation_report',
      version: 'v2',
      retainUntil: '2034-11-27',
    });
    await t.system.worker.runOnce();

    const nso = t.m.graph.drives.filesIn(t.m.libraries.NSO!.driveId);
    expect(nso.map((f) => [f.path, f.versions, new TextDecoder().decode(f.content)])).toEqual([[`${reference}/${fileName}`, 2, 'v2 revised']]);
    expect(nso[0]!.fields).toMatchObject({
      [LIBRARY_COLUMNS.caseReference]: reference,
      [LIBRARY_COLUMNS.version]: 'v2',
      [LIBRARY_COLUMNS.retainUntil]: '2034-11-27T00:00:00Z',
    });
    for (const other of ['BRI', 'SGL', 'BNE'])
      expect(t.m.graph.drives.filesIn(t.m.libraries[other]!.driveId).some((f) => f.path.startsWith(reference))).toBe(false);

    const manager = await t.apiAs('mgr-nso');
    const library = await manager.get('/api/v1/services/NSO/library');
    expect(library.status).toBe(200);
    expect(library.body.items.find((i: any) => i.folder === reference)).toMatchObject({
      versionLabel: '2.0',
      metadata: { version: 'v2', documentType: 'formulation_report' },
    });
    const documents = await (await t.apiAs('psy-helen')).get(`/api/v1/cases/${id}/documents`);
    expect(documents.body.items.map((d: any) => d.webUrl)).toEqual([expect.stringContaining(`/${reference}/`), expect.stringContaining(`/${reference}/`)]);
  });

  it('approving a formulation files its report, youth-friendly version and timeline picture in SharePoint; version 2 adds versions, not files', async () => {
    // The bearer API answers as the local one does; the story only needs get and post.
    const psy = (await t.apiAs('psy-helen')) as unknown as Api;
    const { id } = await caseWithApprovedFormulation((await t.apiAs('yjs-amy')) as unknown as Api, psy);
    const reference = (await psy.get(`/api/v1/cases/${id}`)).body.reference as string;
    await drainOutbox(t.system);
    const files = () => t.m.graph.drives.filesIn(t.m.libraries.BRI!.driveId).filter((f) => f.path.startsWith(`${reference}/`));
    const names = ['formulation-report.docx', 'timeline.svg', 'youth-friendly-formulation.docx'].map((n) => `${reference}/${reference}_${n}`);
    expect(files().map((f) => [f.path, f.versions])).toEqual(names.map((n) => [n, 1]));
    expect(files()[0]!.fields).toMatchObject({
      [LIBRARY_COLUMNS.caseReference]: reference,
      [LIBRARY_COLUMNS.documentType]: 'formulation_report',
      [LIBRARY_COLUMNS.version]: 'v1',
      [LIBRARY_COLUMNS.reviewDate]: '2027-02-19T00:00:00Z',
      [LIBRARY_COLUMNS.retainUntil]: null,
    });

    // Something new on the timeline, so that the picture changes too: the SharePoint adapter takes
    // the very same bytes again for a retried delivery and files no new version, only the metadata.
    expect((await psy.post(`/api/v1/cases/${id}/timeline`, entry({ description: 'Joined a boxing club.', category: 'strengths_achievements' }))).status).toBe(
      201,
    );
    const started = await psy.post(`/api/v1/cases/${id}/formulation`);
    const approved = await psy.post(`/api/v1/cases/${id}/formulation/approval`, undefined, { 'if-match': started.headers.get('etag')! });
    expect(approved.status).toBe(200);
    await drainOutbox(t.system);
    expect(files().map((f) => [f.path, f.versions, f.fields[LIBRARY_COLUMNS.version]])).toEqual(names.map((n) => [n, 2, 'v2']));
  });

  it('puts a throttled delivery back in the outbox for exactly as long as Retry-After says', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'BRI');
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName: `${reference} review.docx`,
      content: bytes('r'),
      documentType: 'review_record',
      version: 'v1',
    });
    t.m.graph.failNth(1, { kind: 'status', status: 429, retryAfterSeconds: 120 }); // longer than the adapter sleeps through
    await t.system.worker.runOnce();
    const [job] = await t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId: id, kind: 'document.publish' }, 1));
    expect(job).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(t.clock.now().getTime() + 120_000).toISOString() });
    expect(job!.lastError).toContain('429');

    t.clock.advance(119_000);
    await t.system.worker.runOnce(); // not due yet: nothing is sent
    expect(t.m.graph.drives.filesIn(t.m.libraries.BRI!.driveId).some((f) => f.path.startsWith(reference))).toBe(false);
    t.clock.advance(1_000);
    await t.system.worker.runOnce();
    expect(t.m.graph.drives.filesIn(t.m.libraries.BRI!.driveId).filter((f) => f.path.startsWith(reference))).toHaveLength(1);
  });

  it('holds a delivery to a site the app is not granted as blocked, saying who must act, and shows it to the service', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'SGL');
    // An admin revoked the grant on South Gloucestershire's site.
    t.m.graph.drives.revoke(t.m.libraries.SGL!.siteId, t.m.clientId);
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName: `${reference} review.docx`,
      content: bytes('r'),
      documentType: 'review_record',
      version: 'v1',
    });
    await t.system.worker.runOnce();
    const psy = await t.apiAs('psy-helen');
    const blocked = await psy.get(`/api/v1/services/SGL/undelivered?status=blocked`);
    expect(blocked.body.items).toEqual([
      expect.objectContaining({
        kind: 'document.publish',
        caseId: id,
        lastError: expect.stringContaining('403'),
        blocked: expect.objectContaining({
          cause: 'site_access_denied',
          whoActs: 'SharePoint administrator: grant the app write on the South Gloucestershire Youth Justice Service site — README step 3.',
        }),
      }),
    ]);
    expect((await psy.get(`/api/v1/services/SGL/undelivered?status=dead`)).body.items).toEqual([]);
  });

  it("still shows the service's dashboard when SharePoint refuses its library, saying the library did not answer", async () => {
    // South Gloucestershire's grant was revoked above.
    const dashboard = await (await t.apiAs('psy-helen')).get('/api/v1/services/SGL/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.library).toEqual({ status: 'unavailable', message: expect.stringContaining('did not answer (accessDenied)') });
    expect(dashboard.body.undelivered).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'document.publish', status: 'blocked' })]));
    const bristol = await (await t.apiAs('mgr-bri')).get('/api/v1/services/BRI/dashboard');
    expect(bristol.body.library.status).toBe('available');
    expect(bristol.body.library.items.length).toBeGreaterThan(0);
  });

  it('never lets an older version, delivered late, overwrite a newer one that landed first', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'BNE');
    const fileName = `${reference} youth-friendly.docx`;
    const v1 = await publishCaseDocument(t.system.deps, helen, id, {
      fileName,
      content: bytes('first'),
      documentType: 'youth_friendly_formulation',
      version: 'v1',
    });
    t.m.graph.failNth(1, { kind: 'status', status: 503, retryAfterSeconds: 600 });
    await t.system.worker.runOnce(); // v1 is throttled for ten minutes
    t.clock.advance(60_000);
    const v2 = await publishCaseDocument(t.system.deps, helen, id, {
      fileName,
      content: bytes('second'),
      documentType: 'youth_friendly_formulation',
      version: 'v2',
    });
    await t.system.worker.runOnce(); // v2 lands
    t.clock.advance(600_000);
    await t.system.worker.runOnce(); // v1 comes due, and must stand aside

    const files = t.m.graph.drives.filesIn(t.m.libraries.BNE!.driveId).filter((f) => f.path.startsWith(reference));
    expect(files.map((f) => [f.versions, new TextDecoder().decode(f.content)])).toEqual([[1, 'second']]);
    const status = await t.system.deps.store.transaction(async (tx) => [
      (await tx.documents.get(v1.documentId))!.status,
      (await tx.documents.get(v2.documentId))!.status,
    ]);
    expect(status).toEqual(['superseded', 'delivered']);
  });
});
