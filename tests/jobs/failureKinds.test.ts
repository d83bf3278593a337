import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueRetainUntilRestamp } from '../../src/app/retention/restampDocumentsJob.js';
import { inTransaction, SYSTEM_ACTOR } from '../../src/app/unitOfWork.js';
import { DEMO_STAFF } from '../../src/demo/people.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { caseWithApprovedFormulation } from '../support/caseStory.js';
import { publishCaseDocument } from '../support/documents.js';
import { startM365Doubles } from '../support/m365.js';
import { startM365TestServer, type M365TestServer } from '../support/m365System.js';
import { drainOutbox } from '../support/outbox.js';
import type { Api } from '../support/testSystem.js';

const BRISTOL_GRANT = 'SharePoint administrator: grant the app write on the Bristol Youth Justice Service site — README step 3.';
const FIFTEEN_MINUTES = 15 * 60_000;
const bytes = (s: string) => new TextEncoder().encode(s);

/** A case of Bristol with its formulation approved through the API, as the psychologist does it. */
async function approvedCase(t: M365TestServer) {
  const psy = await t.apiAs('psy-helen');
  const { id } = await caseWithApprovedFormulation((await t.apiAs('yjs-amy')) as unknown as Api, psy as unknown as Api);
  const reference = (await psy.get(`/api/v1/cases/${id}`)).body.reference as string;
  return { id, reference };
}

const bristolFiles = (t: M365TestServer, reference: string) =>
  t.m.graph.drives.filesIn(t.m.libraries.BRI!.driveId).filter((f) => f.path.startsWith(`${reference}/`));

async function documentsOf(t: M365TestServer, caseId: string) {
  return (await (await t.apiAs('psy-helen')).get(`/api/v1/cases/${caseId}/documents`)).body.items as any[];
}

/**
 * Issue 17's "done when", through the outbox against the Graph and Entra doubles: a delivery the
 * tenant's set-up refuses waits as blocked, says why and who must act, and arrives once the cause
 * is fixed, with no new approval: on the slow schedule, or at once when a manager asks.
 */
describe('a delivery blocked by the tenant’s set-up', () => {
  let t: M365TestServer;
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('a grant removed, a formulation approved, the grant restored: its documents arrive on the slow schedule, and meanwhile the case and the dashboard say blocked with the cause', async () => {
    t.m.graph.drives.revoke(t.m.libraries.BRI!.siteId, t.m.clientId);
    const { id, reference } = await approvedCase(t);
    await drainOutbox(t.system);

    const waiting = await documentsOf(t, id);
    expect(waiting).toHaveLength(3);
    for (const d of waiting) {
      expect(d).toMatchObject({ status: 'blocked', blocked: { cause: 'site_access_denied', whoActs: BRISTOL_GRANT } });
      expect(d.blocked.why).toContain('SharePoint refuses the app write access');
    }
    const dashboard = (await (await t.apiAs('mgr-bri')).get('/api/v1/services/BRI/dashboard')).body;
    const stuck = dashboard.undelivered.filter((j: any) => j.reference === reference);
    expect(stuck.map((j: any) => [j.kind, j.status, j.blocked.whoActs])).toEqual(Array(3).fill(['document.publish', 'blocked', BRISTOL_GRANT]));
    expect(stuck[0].nextAttemptAt).toBe(new Date(t.clock.now().getTime() + FIFTEEN_MINUTES).toISOString());
    expect(t.logs.filter((l) => l.includes('blocked until an administrator acts')).length).toBe(3);

    // Still refused a quarter of an hour later: still blocked, and not one step nearer to being given up.
    t.clock.advance(FIFTEEN_MINUTES);
    await drainOutbox(t.system);
    expect((await documentsOf(t, id)).map((d) => d.status)).toEqual(['blocked', 'blocked', 'blocked']);
    expect(bristolFiles(t, reference)).toEqual([]);

    t.m.graph.drives.grant(t.m.libraries.BRI!.siteId, t.m.clientId, 'write');
    t.clock.advance(FIFTEEN_MINUTES - 1000);
    expect(await t.system.worker.runOnce()).toBe(0); // not due yet
    t.clock.advance(1000);
    await drainOutbox(t.system);
    expect(bristolFiles(t, reference).map((f) => f.versions)).toEqual([1, 1, 1]);
    expect((await documentsOf(t, id)).map((d) => [d.status, d.blocked])).toEqual(Array(3).fill(['delivered', null]));
    // The same three documents of the one approval: nothing was approved or made again.
    expect((await documentsOf(t, id)).map((d) => d.metadata.version)).toEqual(['v1', 'v1', 'v1']);
  });

  it('a grant restored: the documents arrive at once when the manager asks, per job or all', async () => {
    t.m.graph.drives.revoke(t.m.libraries.BRI!.siteId, t.m.clientId);
    const { id, reference } = await approvedCase(t);
    await drainOutbox(t.system);
    const manager = await t.apiAs('mgr-bri');
    const blocked = (await manager.get('/api/v1/services/BRI/undelivered?status=blocked')).body.items.filter((j: any) => j.caseId === id);
    expect(blocked).toHaveLength(3);

    t.m.graph.drives.grant(t.m.libraries.BRI!.siteId, t.m.clientId, 'write');
    const one = await manager.post('/api/v1/services/BRI/undelivered/retry', { jobId: blocked[0].id });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ retried: 1 });
    expect(await t.system.worker.runOnce()).toBe(1);
    expect(bristolFiles(t, reference)).toHaveLength(1);

    const all = await manager.post('/api/v1/services/BRI/undelivered/retry', {});
    expect(all.body).toEqual({ retried: 2 });
    await drainOutbox(t.system);
    expect(bristolFiles(t, reference)).toHaveLength(3);
    expect((await documentsOf(t, id)).every((d) => d.status === 'delivered')).toBe(true);

    // Nothing left to try, and a job that is not stuck is not there to retry.
    expect((await manager.post('/api/v1/services/BRI/undelivered/retry', { jobId: blocked[0].id })).status).toBe(404);
    expect((await manager.post('/api/v1/services/BRI/undelivered/retry', { jobId: 'not-an-id' })).status).toBe(400);
    expect((await (await t.apiAs('mgr-nso')).post('/api/v1/services/BRI/undelivered/retry', {})).status).toBe(403);
  });

  it('a library deleted in SharePoint: blocked, naming the library and who restores it', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'BNE');
    t.m.graph.drives.removeDrive(t.m.libraries.BNE!.driveId);
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName: `${reference} review.docx`,
      content: bytes('r'),
      documentType: 'review_record',
      version: 'v1',
    });
    await drainOutbox(t.system);
    const [doc] = await documentsOf(t, id);
    expect(doc).toMatchObject({ status: 'blocked', blocked: { cause: 'library_missing' } });
    expect(doc.blocked.whoActs).toContain('ECM_SERVICE_LIBRARIES — README step 3');
  });

  it('transient: a 503 with a long Retry-After backs off for exactly that long, says delivering, then delivers', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'NSO');
    // The first delivery writes the file by path in one PUT: that is what the service turns away.
    t.m.graph.inject({ matches: (_n, call) => call.method === 'PUT', fault: { kind: 'status', status: 503, retryAfterSeconds: 60 }, times: 1 });
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName: `${reference} review.docx`,
      content: bytes('r'),
      documentType: 'review_record',
      version: 'v1',
    });
    await t.system.worker.runOnce();
    const [doc] = await documentsOf(t, id);
    expect(doc).toMatchObject({ status: 'delivering', blocked: null, failure: null });
    const [job] = (await (await t.apiAs('mgr-nso')).get(`/api/v1/services/NSO/undelivered?status=pending`)).body.items.filter((j: any) => j.caseId === id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    t.clock.advance(60_000);
    await drainOutbox(t.system);
    expect((await documentsOf(t, id))[0].status).toBe('delivered');
    t.m.graph.clearFaults();
  });

  it('permanent: a request Graph will never accept is given up at once, with the reason, and can be tried again by hand', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'SGL');
    t.m.graph.inject({ matches: (_n, call) => call.method === 'PUT', fault: { kind: 'status', status: 400 }, times: 1 });
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName: `${reference} review.docx`,
      content: bytes('r'),
      documentType: 'review_record',
      version: 'v1',
    });
    await drainOutbox(t.system);
    const [doc] = await documentsOf(t, id);
    expect(doc).toMatchObject({ status: 'failed', blocked: null, failure: expect.stringContaining('400 invalidRequest') });
    const dead = (await (await t.apiAs('psy-helen')).get(`/api/v1/services/SGL/undelivered?status=dead`)).body.items;
    expect(dead).toEqual([expect.objectContaining({ caseId: id, status: 'dead', attempts: 1, lastError: expect.stringContaining('400') })]);
    // The psychologist sees it; retrying is for the service's manager or an administrator.
    expect((await (await t.apiAs('psy-helen')).post('/api/v1/services/SGL/undelivered/retry', {})).status).toBe(403);
  });
});

describe('a delivery blocked for too long', () => {
  let t: M365TestServer;
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('a delivery still refused after 14 days is given up, saying it was blocked, and a retry gives it another life', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'NSO');
    t.m.graph.drives.revoke(t.m.libraries.NSO!.siteId, t.m.clientId);
    await publishCaseDocument(t.system.deps, helen, id, {
      fileName: `${reference} plan.docx`,
      content: bytes('p'),
      documentType: 'review_record',
      version: 'v1',
    });
    await drainOutbox(t.system);
    expect((await documentsOf(t, id))[0].status).toBe('blocked');
    t.clock.advance(14 * 24 * 60 * 60_000);
    await drainOutbox(t.system);
    const [doc] = await documentsOf(t, id);
    // (Fourteen days on, the app's cached token has expired for Graph too: the cause named is the last refusal.)
    expect(doc).toMatchObject({ status: 'failed', failure: expect.stringMatching(/^blocked for 14 days \((site_access_denied|token_refused)\)/) });
    expect((await (await t.apiAs('mgr-nso')).get('/api/v1/services/NSO/undelivered?status=dead')).body.items).toEqual([
      expect.objectContaining({ caseId: id, status: 'dead', blocked: null }),
    ]);

    expect((await (await t.apiAs('mgr-nso')).post('/api/v1/services/NSO/undelivered/retry', {})).body).toEqual({ retried: 1 });
    expect((await documentsOf(t, id))[0].status).toBe('queued');
  });
});

describe('a retain-until update for a file someone removed from the library', () => {
  let t: M365TestServer;
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('is not dropped in silence: the job gives up naming the file, is logged, and is listed for the service', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const { id, reference } = await activeCaseVia(t.system.deps, 'BRI');
    const fileName = `${reference} review.docx`;
    await publishCaseDocument(t.system.deps, helen, id, { fileName, content: bytes('r'), documentType: 'review_record', version: 'v1' });
    await drainOutbox(t.system);
    // Someone deleted the file in SharePoint.
    const removed = [...t.m.graph.drives.items.values()].find((i) => i.name === fileName)!;
    t.m.graph.drives.items.delete(removed.id);

    await inTransaction(t.system.deps, SYSTEM_ACTOR, async (w) => queueRetainUntilRestamp(w, (await w.tx.cases.get(id))!, '2034-11-27'));
    await drainOutbox(t.system);
    const dead = (await (await t.apiAs('mgr-bri')).get('/api/v1/services/BRI/undelivered?status=dead')).body.items;
    expect(dead).toEqual([
      expect.objectContaining({ kind: 'documents.restamp', caseId: id, lastError: `not in the library (moved or deleted there): ${fileName}` }),
    ]);
    expect(t.logs.some((l) => l.includes('outbox delivery failed') && l.includes('documents.restamp') && l.includes(fileName))).toBe(true);
  });
});

describe('a rotated client secret', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ecm-secret-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('blocks deliveries with invalid_client, naming the setting; the server restarted with the new secret delivers them at start', async () => {
    // Entra's tokens follow the running server's clock, as in startM365TestServer.
    let now = () => new Date();
    const m = await startM365Doubles({ now: () => now() });
    const teamsAppId = randomUUID();
    for (const s of DEMO_STAFF) m.graph.teams.addUser({ id: s.aadObjectId!, displayName: s.name, mail: s.email });
    m.graph.teams.publishApp(teamsAppId, 'ECM for Teams');
    // An administrator rotated the secret in Entra ID; the server still has the old one.
    const rotated = m.entra.rotateSecret(m.clientId);
    const first = await startM365TestServer({ doubles: { ...m, teamsAppId }, dataDir });
    now = () => first.clock.now();
    const { id, reference } = await activeCaseVia(first.system.deps, 'BRI');
    await publishCaseDocument(first.system.deps, await principal(first.system.deps, 'psy-helen'), id, {
      fileName: `${reference} review.docx`,
      content: bytes('r'),
      documentType: 'review_record',
      version: 'v1',
    });
    await drainOutbox(first.system);
    expect(m.entra.log.filter((l) => l.grantType === 'client_credentials').map((l) => l.status)).toContain(401);
    const [doc] = (await (await first.apiAs('psy-helen')).get(`/api/v1/cases/${id}/documents`)).body.items;
    expect(doc).toMatchObject({ status: 'blocked', blocked: { cause: 'app_secret_rejected' } });
    expect(doc.blocked.whoActs).toContain('SECRET_AAD_APP_CLIENT_SECRET');
    // Entra ID refused the secret once per delivery: the refusal is not retried inline.
    expect(m.waits).toEqual([]);
    await first.close();

    const second = await startM365TestServer({ doubles: { ...m, clientSecret: rotated, teamsAppId }, dataDir });
    try {
      // The restart tries blocked jobs at once, without waiting for the slow schedule.
      await drainOutbox(second.system);
      expect(m.graph.drives.filesIn(m.libraries.BRI!.driveId).map((f) => f.path)).toEqual([`${reference}/${reference} review.docx`]);
    } finally {
      await second.close();
      await m.close();
    }
  });
});
