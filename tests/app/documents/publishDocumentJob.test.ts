import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDocumentPublication } from '../../../src/app/documents/publishDocumentJob.js';
import { publishCaseDocument } from '../../support/documents.js';
import { inTransaction } from '../../../src/app/unitOfWork.js';
import { principalOf, type Principal } from '../../../src/domain/staff.js';
import { activeCase, caseDocument } from '../../support/factories.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

const report = caseDocument;

/** Local mode: documents go to the folder library through the outbox, with no tenant at all. */
describe('publishing a case document', () => {
  let t: TestServer;
  let helen: Principal;
  const as = async (id: string) => principalOf((await t.system.deps.store.transaction((tx) => tx.staff.get(id)))!);
  beforeAll(async () => {
    t = await startTestServer();
    helen = await as('psy-helen');
  });
  afterAll(() => t.close());

  it("files a psychologist's report in its own service's case folder, with metadata and a new version for v2 that supersedes v1", async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    const queued = await publishCaseDocument(t.system.deps, helen, caseId, report());
    expect(queued).toMatchObject({ status: 'queued', caseReference: expect.stringMatching(/^BRI-2026-\d{4}$/), size: 22 });
    const ref = queued.caseReference;
    expect(await t.system.deps.library.getDocument('BRI', ref, 'formulation v1.docx')).toBeNull(); // not before the outbox runs

    await t.system.worker.runOnce();
    const filed = await t.system.deps.library.getDocument('BRI', ref, 'formulation v1.docx');
    expect(new TextDecoder().decode(filed!.content)).toBe('the formulation report');
    expect(filed!.item.metadata).toEqual({
      caseReference: ref,
      documentType: 'formulation_report',
      version: 'v1',
      reviewDate: '2027-02-26',
      retainUntil: '2034-11-27',
    });

    t.clock.advance(60_000);
    await publishCaseDocument(t.system.deps, helen, caseId, report({ content: new TextEncoder().encode('revised'), version: 'v2' }));
    await t.system.worker.runOnce();
    expect((await t.system.deps.library.listVersions('BRI', ref, 'formulation v1.docx')).map((v) => v.versionLabel)).toEqual(['2.0', '1.0']);

    const psy = await t.signIn('psy-helen');
    const listed = await psy.get(`/api/v1/cases/${caseId}/documents`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((d: any) => [d.status, d.libraryVersion, d.metadata.version])).toEqual([
      ['delivered', '2.0', 'v2'],
      ['superseded', '1.0', 'v1'],
    ]);
    const manager = await t.signIn('mgr-bri');
    const library = await manager.get('/api/v1/services/BRI/library');
    expect(library.body.items.filter((i: any) => i.folder === ref).map((i: any) => i.metadata.version)).toEqual(['v2']);
    expect((await (await t.signIn('mgr-nso')).get('/api/v1/services/BRI/library')).status).toBe(403);
  });

  it('commits the bytes and the delivery with the change that made them, or not at all', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    await expect(
      inTransaction(t.system.deps, helen, async (w) => {
        const c = (await w.tx.cases.get(caseId))!;
        await queueDocumentPublication(w, c, report());
        throw new Error('the approval failed after the report was made');
      }),
    ).rejects.toThrow('the approval failed');
    const left = await t.system.deps.store.transaction(async (tx) => ({
      docs: await tx.documents.list(caseId),
      jobs: await tx.outbox.list({ caseId, kind: 'document.publish' }, 10),
    }));
    expect(left).toEqual({ docs: [], jobs: [] });
  });

  it('refuses a file name that could leave the folder, and an empty file, queueing nothing', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    await expect(publishCaseDocument(t.system.deps, helen, caseId, report({ fileName: '../../escape.docx' }))).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(publishCaseDocument(t.system.deps, helen, caseId, report({ content: new Uint8Array() }))).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await t.system.deps.store.transaction((tx) => tx.documents.list(caseId))).toEqual([]);
  });
});

describe('a document that cannot be delivered', () => {
  let t: TestServer;
  beforeAll(async () => {
    // The library's folder is a file: every delivery fails, as a broken share would.
    const blocked = join(tmpdir(), `ecm-blocked-${randomUUID()}`);
    await writeFile(blocked, 'not a folder');
    t = await startTestServer({ env: { ECM_LIBRARY_DIR: blocked } });
  });
  afterAll(() => t.close());

  it('keeps being retried, then stays visible as dead for the case and the service instead of being dropped', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    const helen = principalOf((await t.system.deps.store.transaction((tx) => tx.staff.get('psy-helen')))!);
    await publishCaseDocument(t.system.deps, helen, caseId, report());
    const psy = await t.signIn('psy-helen');

    await t.system.worker.runOnce();
    const documentJobs = (r: { body: { items: { kind: string }[] } }) => r.body.items.filter((j) => j.kind === 'document.publish');
    const pending = await psy.get(`/api/v1/cases/${caseId}/undelivered`);
    expect(documentJobs(pending)).toEqual([
      expect.objectContaining({ kind: 'document.publish', status: 'pending', attempts: 1, lastError: expect.stringMatching(/ENOTDIR|EEXIST/) }),
    ]);

    for (let i = 0; i < 12; i++) {
      t.clock.advance(16 * 60_000); // past the longest back-off
      await t.system.worker.runOnce();
    }
    const dead = await psy.get(`/api/v1/cases/${caseId}/undelivered?status=dead`);
    expect(documentJobs(dead)).toEqual([expect.objectContaining({ kind: 'document.publish', status: 'dead', attempts: 12 })]);
    const forManager = await (await t.signIn('mgr-bri')).get('/api/v1/services/BRI/undelivered');
    expect(forManager.body.items.map((j: any) => j.caseId)).toContain(caseId);
    expect((await psy.get(`/api/v1/cases/${caseId}/undelivered?status=lost`)).status).toBe(400);
  });
});
