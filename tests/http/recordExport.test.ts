import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordExportView } from '../../src/contract/views.js';
import { activeCase, entry } from '../support/factories.js';
import { drainOutbox } from '../support/outbox.js';
import { readZip } from '../support/zipReader.js';
import { type Api, auditTrail, startTestServer, TODAY, type TestServer } from '../support/testSystem.js';

const DAY = 86_400_000;
const PARTS = [
  'README.txt',
  'case.json',
  'agreements.json',
  'timeline.json',
  'formulations.json',
  'trm-placements.json',
  'meetings.json',
  'actions.json',
  'who-read-the-record.csv',
  'for-review-before-release.csv',
];

describe("the child's copy of their record: an export of a demo case", () => {
  let t: TestServer;
  let grace: Api;
  let sam: Api;
  let demo: { id: string; reference: string; childName: string; folderFiles: string[] };

  const base = () => `/api/v1/cases/${demo.id}/record-exports`;
  const start = (api: Api, body: unknown = { requestedFor: 'young_person' }, headers?: Record<string, string>) => api.post(base(), body, headers);
  const download = (api: Api, exportId: string) => api.raw(`${base()}/${exportId}/download`, { method: 'GET' });
  const zipOf = async (res: Response) => readZip(new Uint8Array(await res.arrayBuffer()));

  beforeAll(async () => {
    t = await startTestServer({ overrides: { seedDemoCases: true } });
    await drainOutbox(t.system, 20);
    await t.system.deps.store.transaction(async (tx) => {
      // A second manager of Bristol, and an administrator of Bristol alone.
      await tx.staff.upsert({
        id: 'mgr-bri-2',
        name: 'Hannah Ward',
        email: 'mgr-bri-2@ecm-demo.example',
        role: 'manager',
        serviceIds: ['BRI'],
        agency: 'youth_justice',
        aadObjectId: null,
      });
      await tx.staff.upsert({
        id: 'admin-bri',
        name: 'Ola Berg',
        email: 'admin-bri@ecm-demo.example',
        role: 'administrator',
        serviceIds: ['BRI'],
        agency: 'youth_justice',
        aadObjectId: null,
      });
    });
    grace = await t.signIn('mgr-bri');
    sam = await t.signIn('ecm-sam');
    // The Bristol demo case with the most documents in the library.
    const cases = await t.system.deps.store.transaction((tx) => tx.cases.list({ serviceIds: ['BRI'] }, { limit: 200 }));
    const library = await t.system.deps.library.listLibrary('BRI');
    const ranked = cases.items
      .filter((c) => c.childName)
      .map((c) => ({
        id: c.id,
        reference: c.reference,
        childName: c.childName!,
        folderFiles: library.filter((i) => i.folder === c.reference).map((i) => i.name),
      }))
      .sort((a, b) => b.folderFiles.length - a.folderFiles.length);
    demo = ranked[0]!;
    expect(demo.folderFiles.length).toBeGreaterThan(0);
  });
  afterAll(() => t?.close());

  it('a manager starts it, watches its progress, and downloads a zip holding every part of the record, named by reference only', async () => {
    const started = await start(grace, { requestedFor: 'solicitor', note: 'Letter of 20 November.' });
    expect(started.status).toBe(202);
    const view = started.body as RecordExportView;
    expect(started.headers.get('location')).toBe(`${base()}/${view.id}`);
    expect(view).toMatchObject({ state: 'queued', reference: demo.reference, startedByYou: true, download: null, progress: { percent: 0 } });
    expect(view.expiresAt).toBe(new Date(Date.parse(TODAY) + 7 * DAY).toISOString());

    // Not built yet: a conflict, not the zip.
    expect((await download(grace, view.id)).status).toBe(409);

    await drainOutbox(t.system);
    const ready = (await grace.get(`${base()}/${view.id}`)).body as RecordExportView;
    expect(ready).toMatchObject({ state: 'ready', progress: { percent: 100 }, withheld: [] });
    expect(ready.progress.total).toBe(4 + demo.folderFiles.length);
    expect(ready.download).toEqual({ href: `${base()}/${view.id}/download`, fileName: `${demo.reference}_record.zip` });

    const res = await download(grace, view.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${demo.reference}_record.zip"`);
    const files = await zipOf(res);
    const names = files.map((f) => f.name);
    expect(names).toEqual([...PARTS.map((p) => `${demo.reference}/${p}`), ...demo.folderFiles.map((n) => `${demo.reference}/documents/${n}`)]);
    // The child's name may be in their record, never in a file's name.
    for (const part of demo.childName.split(' ')) expect(names.join('\n')).not.toContain(part);

    const read = (name: string) => Buffer.from(files.find((f) => f.name === `${demo.reference}/${name}`)!.data).toString('utf8');
    const timeline = JSON.parse(read('timeline.json')) as { id: string; description: string; history: unknown[] }[];
    const listed = (await sam.get(`/api/v1/cases/${demo.id}/timeline?limit=500&includeRetracted=true`)).body.items as { id: string }[];
    expect(timeline.map((e) => e.id).sort()).toEqual(expect.arrayContaining(listed.map((e) => e.id)));
    expect(timeline.every((e) => Array.isArray(e.history))).toBe(true);
    expect(JSON.parse(read('case.json')).case).toMatchObject({ id: demo.id, reference: demo.reference, childName: demo.childName });
    const formulations = JSON.parse(read('formulations.json')) as { number: number; revisions: unknown[] }[];
    expect(formulations.length).toBeGreaterThan(0);
    expect(formulations.every((f) => f.revisions.length > 0)).toBe(true);
    expect(JSON.parse(read('meetings.json')).length).toBeGreaterThan(0);
    expect(read('README.txt')).toContain('Asked for by their solicitor');
    expect(read('who-read-the-record.csv')).toMatch(/Grace Adeyemi,manager,youth_justice,record\.export\.started/);
    // The documents are the library's own bytes.
    for (const n of demo.folderFiles) {
      const held = await t.system.deps.library.getDocument('BRI', demo.reference, n);
      expect(Buffer.from(files.find((f) => f.name === `${demo.reference}/documents/${n}`)!.data).equals(Buffer.from(held!.content))).toBe(true);
    }

    // The entries that may name other people, in the answer and in the zip alike.
    const review = ready.review;
    const reviewCsv = read('for-review-before-release.csv');
    for (const r of review) expect(reviewCsv).toContain(r.entryId);
    const aboutFamily = timeline.filter((e) => /\b(mother|mum|father|dad|brother|sister)\b/i.test(e.description));
    expect(aboutFamily.length).toBeGreaterThan(0);
    for (const e of aboutFamily) expect(review.map((r) => r.entryId)).toContain(e.id);

    // The audit trail: who made it, and who fetched it (no child's name in either).
    const trail = (await auditTrail(t)).filter((e) => e.detail.exportId === view.id);
    expect(trail.find((e) => e.action === 'record.export.started')).toMatchObject({ actorId: 'mgr-bri', caseId: demo.id });
    expect(trail.find((e) => e.action === 'record.export.built')).toMatchObject({ actorId: 'system', caseId: demo.id });
    expect(trail.find((e) => e.action === 'record.export.downloaded')).toMatchObject({ actorId: 'mgr-bri', caseId: demo.id });
    expect(JSON.stringify(trail)).not.toContain(demo.childName);
    expect(JSON.stringify(trail)).not.toContain('Letter of 20 November');
  });

  it('another person cannot download it: another manager of the service is refused (and the attempt audited), another service does not find the case', async () => {
    const made = (await start(grace)).body as RecordExportView;
    await drainOutbox(t.system);
    const hannah = await t.signIn('mgr-bri-2');
    const seen = (await hannah.get(`${base()}/${made.id}`)).body as RecordExportView;
    expect(seen).toMatchObject({ state: 'ready', startedByYou: false, download: null, requestedBy: { id: 'mgr-bri', name: 'Grace Adeyemi' } });
    const refused = await download(hannah, made.id);
    expect(refused.status).toBe(403);
    expect(
      (await auditTrail(t)).some((e) => e.action === 'access.refused' && e.actorId === 'mgr-bri-2' && e.detail.attempted === 'record.export.download'),
    ).toBe(true);
    const martin = await t.signIn('mgr-nso');
    expect((await download(martin, made.id)).status).toBe(404);
    expect((await martin.get(`${base()}/${made.id}`)).status).toBe(404);
    expect((await start(martin)).status).toBe(404);
    // The ECM team and a psychologist read the record but do not release it.
    expect((await start(sam)).status).toBe(403);
    expect((await download(sam, made.id)).status).toBe(403);
    // Another case's export is not there under this case.
    expect((await grace.get(`${base()}/${randomUUID()}`)).status).toBe(404);
  });

  it('an administrator of the service may start one; an administrator of no service learns nothing', async () => {
    const ola = await t.signIn('admin-bri');
    const started = await start(ola, { requestedFor: 'parent_carer' });
    expect(started.status).toBe(202);
    await drainOutbox(t.system);
    expect((await download(ola, started.body.id)).status).toBe(200);
    // Nothing else of the case is theirs.
    expect((await ola.get(`/api/v1/cases/${demo.id}`)).status).toBe(404);
    const chris = await t.signIn('admin-chris');
    expect((await start(chris)).status).toBe(404);
  });

  it('bad input is refused at its field and changes nothing; a repeat under the same key starts one export', async () => {
    const before = ((await grace.get(base())).body.items as unknown[]).length;
    const missing = await start(grace, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([expect.objectContaining({ path: 'requestedFor' })]);
    const extra = await start(grace, { requestedFor: 'young_person', childName: 'x' });
    expect(extra.status).toBe(400);
    expect((await start(grace, { requestedFor: 'the neighbour' })).status).toBe(400);
    expect((await start(grace, { requestedFor: 'young_person', note: '<b>x</b>' })).body.error.details).toEqual([expect.objectContaining({ path: 'note' })]);
    expect(((await grace.get(base())).body.items as unknown[]).length).toBe(before);

    const key = { 'idempotency-key': randomUUID() };
    const first = await start(grace, { requestedFor: 'young_person' }, key);
    const again = await start(grace, { requestedFor: 'young_person' }, key);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(((await grace.get(base())).body.items as unknown[]).length).toBe(before + 1);
    // A second while the first is still being built is refused in words.
    expect((await start(grace)).status).toBe(422);
    await drainOutbox(t.system);
  });

  it("a restricted health entry's text never reaches a manager's export: it is listed as restricted, withheld; a youth justice one is theirs to read", async () => {
    const amy = await t.signIn('yjs-amy');
    const c = await activeCase(amy, { childName: 'Rowan Restricted' });
    const secret = 'Disclosed a private health matter to the school nurse.';
    const own = 'Missed two appointments with his mother.';
    const health = (await sam.post(`/api/v1/cases/${c}/timeline`, entry({ sourceAgency: 'health', description: secret }))).body.id as string;
    const yjs = (await amy.post(`/api/v1/cases/${c}/timeline`, entry({ sourceAgency: 'youth_justice', description: own }))).body.id as string;
    // Both restricted (the routes to restrict are another slice's; the store is enough to test the export's rule).
    await t.system.deps.store.transaction(async (tx) => {
      for (const id of [health, yjs]) {
        const e = (await tx.timeline.get(c, id))!;
        const restricted = {
          ...e,
          restriction: { at: t.clock.now().toISOString(), by: 'ecm-sam', byName: 'Sam Okafor', reason: 'Sensitive.' },
          version: e.version + 1,
        };
        expect(await tx.timeline.update(restricted, e.version)).toBe(true);
      }
    });
    const started = (await grace.post(`/api/v1/cases/${c}/record-exports`, { requestedFor: 'young_person' })).body as RecordExportView;
    await drainOutbox(t.system);
    const view = (await grace.get(`/api/v1/cases/${c}/record-exports/${started.id}`)).body as RecordExportView;
    expect(view.withheld).toEqual([health]);
    const res = await grace.raw(`/api/v1/cases/${c}/record-exports/${started.id}/download`, { method: 'GET' });
    const files = await zipOf(res);
    const all = files.map((f) => Buffer.from(f.data).toString('utf8')).join('\n');
    expect(all).not.toContain(secret);
    expect(all).toContain(own);
    const reference = view.reference;
    const timeline = JSON.parse(Buffer.from(files.find((f) => f.name === `${reference}/timeline.json`)!.data).toString('utf8')) as Record<string, unknown>[];
    expect(timeline.find((e) => e.id === health)).toMatchObject({ restricted: 'restricted, withheld', sourceAgency: 'health', description: '' });
    expect(timeline.find((e) => e.id === health)).not.toHaveProperty('history');
    expect(Buffer.from(files.find((f) => f.name === `${reference}/for-review-before-release.csv`)!.data).toString('utf8')).toContain(`${health},,,`);
    expect(Buffer.from(files.find((f) => f.name === `${reference}/README.txt`)!.data).toString('utf8')).toContain(
      '1 restricted entry is listed as "restricted, withheld"',
    );
  });

  it('a build cut off part way through starts again and finishes with the same zip parts', async () => {
    const made = (await start(grace)).body as RecordExportView;
    const library = t.system.deps.library;
    const getDocument = library.getDocument.bind(library);
    let calls = 0;
    library.getDocument = async (...args) => {
      if (++calls === 2) throw new Error('the process stopped here');
      return getDocument(...args);
    };
    try {
      await t.system.worker.runOnce();
      const halfway = (await grace.get(`${base()}/${made.id}`)).body as RecordExportView;
      expect(halfway.state).toBe('building');
      expect(halfway.progress.done).toBeGreaterThan(0);
      expect(halfway.progress.done).toBeLessThan(halfway.progress.total);
      // The outbox tries again after its back-off.
      t.clock.advance(60_000);
      await drainOutbox(t.system);
    } finally {
      library.getDocument = getDocument;
    }
    const done = (await grace.get(`${base()}/${made.id}`)).body as RecordExportView;
    expect(done.state).toBe('ready');
    const names = (await zipOf(await download(grace, made.id))).map((f) => f.name);
    expect(names).toHaveLength(PARTS.length + demo.folderFiles.length);
  });

  it('after seven days it is gone: 410, shown as expired, its zip dropped and that audited', async () => {
    const made = (await start(grace)).body as RecordExportView;
    await drainOutbox(t.system);
    t.clock.advance(7 * DAY - 1000);
    // A sign-in lasts less than a week: she signs in again to fetch it.
    grace = await t.signIn('mgr-bri');
    expect((await download(grace, made.id)).status).toBe(200);
    t.clock.advance(1000);
    const gone = await download(grace, made.id);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('gone');
    expect(((await grace.get(`${base()}/${made.id}`)).body as RecordExportView).state).toBe('expired');
    await drainOutbox(t.system);
    expect(await t.system.deps.store.transaction((tx) => tx.recordExports.content(made.id))).toBeNull();
    expect((await auditTrail(t)).some((e) => e.action === 'record.export.expired' && e.detail.exportId === made.id)).toBe(true);
  });
});
