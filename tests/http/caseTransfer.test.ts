import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/app/oversight/verifyAuditTrail.js';
import type { AuditEvent } from '../../src/domain/audit.js';
import { publishCaseDocument } from '../support/documents.js';
import { entry } from '../support/factories.js';
import { drainOutbox } from '../support/outbox.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const etag = (version: number) => `"${version}"`;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('a family moves: a case transferred from Bristol to North Somerset', () => {
  let t: TestServer;
  let sam: Api;
  let amy: Api;
  let dan: Api;
  let grace: Api;
  beforeAll(async () => {
    t = await startTestServer();
    sam = await t.signIn('ecm-sam');
    amy = await t.signIn('yjs-amy');
    dan = await t.signIn('yjs-dan');
    grace = await t.signIn('mgr-bri');
    // An ECM practitioner who serves Bristol and South Gloucestershire, not North Somerset.
    await t.system.deps.store.transaction((tx) =>
      tx.staff.upsert({
        id: 'ecm-zoe',
        name: 'Zoe Fenwick',
        email: 'ecm-zoe@ecm-demo.example',
        role: 'ecm_practitioner',
        serviceIds: ['BRI', 'SGL'],
        agency: 'ecm_team',
        aadObjectId: null,
      }),
    );
  });
  afterAll(() => t.close());

  const version = async (caseId: string) => (await sam.get(`/api/v1/cases/${caseId}`)).body.version as number;
  const transfer = async (api: Api, caseId: string, body: unknown) =>
    api.post(`/api/v1/cases/${caseId}/transfer`, body, { 'if-match': etag(await version(caseId)) });
  const library = (serviceId: string) => t.system.deps.library.listLibrary(serviceId);
  const auditOf = async (chain: string, caseId: string): Promise<AuditEvent[]> =>
    (await t.system.deps.store.transaction((tx) => tx.audit.read(chain, 0, 100_000))).filter((e) => e.caseId === caseId);

  async function caseWithDocuments() {
    const c = await activeCaseVia(t.system.deps, 'BRI');
    const helen = await principal(t.system.deps, 'psy-helen');
    const files = [
      {
        fileName: `${c.reference}_formulation-report.docx`,
        content: new Uint8Array(Buffer.from('the formulation report, v1')),
        documentType: 'formulation_report' as const,
      },
      {
        fileName: `${c.reference}_timeline.svg`,
        content: new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')),
        documentType: 'timeline_picture' as const,
      },
    ];
    for (const f of files) await publishCaseDocument(t.system.deps, helen, c.id, { ...f, version: 'v1' });
    await drainOutbox(t.system);
    expect((await library('BRI')).filter((i) => i.folder === c.reference)).toHaveLength(2);
    return { ...c, files };
  }

  it("is read and written by North Somerset's team, 404 for Bristol's practitioners, its documents moved to North Somerset's library and none left behind", async () => {
    const c = await caseWithDocuments();
    const r = await transfer(sam, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-dan', reason: 'The family moved to Weston-super-Mare.' });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe(etag(r.body.version));
    expect(r.body).toMatchObject({ serviceId: 'NSO', caseHolderId: 'yjs-dan' });
    const reference = r.body.reference as string;
    expect(reference).toMatch(/^NSO-2026-\d{4}$/);

    // North Somerset's case holder reads and writes it; Bristol's practitioner no longer finds it.
    expect((await dan.get(`/api/v1/cases/${c.id}`)).status).toBe(200);
    expect((await dan.post(`/api/v1/cases/${c.id}/timeline`, entry())).status).toBe(201);
    expect((await amy.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await amy.post(`/api/v1/cases/${c.id}/timeline`, entry())).status).toBe(404);
    expect((await grace.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
    expect((await sam.get(`/api/v1/cases/${c.id}/team`)).body.items.map((m: { staffId: string }) => m.staffId)).not.toContain('yjs-amy');

    // The documents move through the outbox: copied, confirmed, and only then gone from Bristol's library.
    await drainOutbox(t.system);
    const moved = (await library('NSO')).filter((i) => i.folder === reference);
    expect(moved.map((i) => i.name).sort()).toEqual([`${reference}_formulation-report.docx`, `${reference}_timeline.svg`]);
    expect(moved.every((i) => i.metadata?.caseReference === reference)).toBe(true);
    for (const f of c.files) {
      const copy = await t.system.deps.library.getDocument('NSO', reference, f.fileName.replace(c.reference, reference));
      expect(sha(copy!.content)).toBe(sha(f.content));
    }
    expect((await library('BRI')).filter((i) => i.folder === c.reference)).toEqual([]);

    // The old reference is still findable: in the form, and in the documents' history.
    const options = await sam.get(`/api/v1/cases/${c.id}/transfer`);
    expect(options.body).toMatchObject({ reference, formerReferences: [c.reference], documentsMoving: false });
    const docs = (await sam.get(`/api/v1/cases/${c.id}/documents`)).body.items as { serviceId: string; metadata: { caseReference: string }; status: string }[];
    expect(docs.filter((d) => d.serviceId === 'BRI').map((d) => d.metadata.caseReference)).toEqual([c.reference, c.reference]);
    expect(docs.filter((d) => d.serviceId === 'NSO' && d.status === 'delivered').map((d) => d.metadata.caseReference)).toEqual([reference, reference]);

    // Both services' audit trails record the move, and both chains still prove.
    expect((await auditOf('BRI', c.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['case.transferred.out', 'case.transfer.documentsRemoved']));
    expect((await auditOf('NSO', c.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.transferred.in', 'case.transfer.documentsCopied', 'case.transfer.completed']),
    );
    expect((await auditOf('BRI', c.id)).find((e) => e.action === 'case.transferred.out')!.detail).toMatchObject({
      fromReference: c.reference,
      toReference: reference,
      leftTeam: ['yjs-amy'],
    });
    const reports = await verifyAuditTrail(t.system.deps.store);
    expect(reports.filter((x) => x.chain === 'BRI' || x.chain === 'NSO').every((x) => x.ok)).toBe(true);
  });

  it('a document still waiting for delivery at the transfer is filed in the new library, under the new reference', async () => {
    const c = await activeCaseVia(t.system.deps, 'BRI');
    await publishCaseDocument(t.system.deps, await principal(t.system.deps, 'psy-helen'), c.id, {
      fileName: `${c.reference}_review-record_2026-11-20.docx`,
      content: new Uint8Array(Buffer.from('review record')),
      documentType: 'review_record',
      version: 'v1',
    });
    const r = await transfer(sam, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-dan' });
    expect(r.status).toBe(200);
    await drainOutbox(t.system);
    expect((await library('NSO')).filter((i) => i.folder === r.body.reference).map((i) => i.name)).toEqual([
      `${r.body.reference}_review-record_2026-11-20.docx`,
    ]);
    expect((await library('BRI')).filter((i) => i.folder === c.reference)).toEqual([]);
  });

  it('a manager moves a case out of their own service, naming who holds it in the new one', async () => {
    const c = await activeCaseVia(t.system.deps, 'BRI');
    const without = await transfer(grace, c.id, { toServiceId: 'NSO' });
    expect(without.status).toBe(400);
    expect(without.body.error.details).toEqual([
      { path: 'caseHolderId', message: 'is needed: name who holds the case in North Somerset Youth Justice Service' },
    ]);
    const r = await transfer(grace, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-dan' });
    expect(r.status).toBe(200);
    // Now in North Somerset, the Bristol manager no longer sees it.
    expect((await grace.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
  });

  it('a transfer to a service the person does not work in is refused in the form’s words, and nothing changes', async () => {
    const c = await activeCaseVia(t.system.deps, 'BRI');
    const zoe = await t.signIn('ecm-zoe');
    const before = (await sam.get(`/api/v1/cases/${c.id}`)).body;
    const r = await transfer(zoe, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-dan' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'toServiceId', message: expect.stringContaining('is not a service you work in') }],
    });
    const same = await transfer(sam, c.id, { toServiceId: 'BRI' });
    expect(same.body.error.details).toEqual([{ path: 'toServiceId', message: 'is the service the case is already in: choose another service' }]);
    const holder = await transfer(sam, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-amy' });
    expect(holder.body.error.details).toEqual([
      { path: 'caseHolderId', message: 'does not work in North Somerset Youth Justice Service: choose a member of its staff' },
    ]);
    const after = (await sam.get(`/api/v1/cases/${c.id}`)).body;
    expect(after).toMatchObject({ reference: before.reference, serviceId: 'BRI', version: before.version });
    expect((await amy.get(`/api/v1/cases/${c.id}`)).status).toBe(200);
    // A YJS practitioner does not move cases at all.
    expect((await transfer(amy, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-dan' })).status).toBe(403);
  });

  it('answers a repeated request once: the same Idempotency-Key moves the case once', async () => {
    const c = await activeCaseVia(t.system.deps, 'BRI');
    const v = await version(c.id);
    const headers = { 'if-match': etag(v), 'idempotency-key': `transfer-${c.id}` };
    const first = await sam.post(`/api/v1/cases/${c.id}/transfer`, { toServiceId: 'SGL', caseHolderId: 'yjs-kate' }, headers);
    const again = await sam.post(`/api/v1/cases/${c.id}/transfer`, { toServiceId: 'SGL', caseHolderId: 'yjs-kate' }, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.reference).toBe(first.body.reference);
  });
});
