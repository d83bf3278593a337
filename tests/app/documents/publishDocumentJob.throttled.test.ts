import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCaseDocument } from '../../support/documents.js';
import { LIBRARY_COLUMNS } from '../../../src/adapters/m365/sharePointLibrary.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { startM365TestServer, type M365TestServer } from '../../support/m365System.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const SERVICES = ['BRI', 'NSO', 'SGL', 'BNE'];

/** The promise: no document lost while Graph throttles one request in five. */
describe('delivering 100 documents while a fifth of all Graph requests get 429 or 503', () => {
  let t: M365TestServer;
  beforeAll(async () => {
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('files every document, whole, once, with its metadata, in its own service’s library', async () => {
    const helen = await principal(t.system.deps, 'psy-helen');
    const published = new Map<string, { service: string; path: string; sha: string }>();
    for (let c = 0; c < 10; c++) {
      const service = SERVICES[c % 4]!;
      const { id, reference } = await activeCaseVia(t.system.deps, service);
      for (let d = 0; d < 10; d++) {
        // Mostly small documents; every 20th is large enough to need an upload session.
        const size = (c * 10 + d) % 20 === 7 ? 4 * 1024 * 1024 + 100_003 : 2_000 + ((c * 7919 + d * 104_729) % 150_000);
        const content = randomBytes(size);
        const fileName = `${reference} review ${d + 1}.docx`;
        const q = await publishCaseDocument(t.system.deps, helen, id, { fileName, content, documentType: 'review_record', version: `v${d + 1}` });
        published.set(q.documentId, { service, path: `${reference}/${fileName}`, sha: sha(content) });
      }
    }
    expect(published.size).toBe(100);

    // Short waits are slept through by the adapter; long ones go back to the outbox with their Retry-After.
    t.m.graph.throttleRandomly(0.2, 20261127, [1, 1, 2, 30]);
    const logStart = t.m.graph.log.length;
    let passes = 0;
    for (; passes < 300; passes++) {
      await t.system.worker.runOnce();
      const left = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'document.publish', status: 'pending' }, 1));
      if (left.length === 0) break;
      t.clock.advance(31_000); // past any Retry-After the outbox was given
    }
    t.m.graph.clearFaults();

    const dead = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'document.publish', status: 'dead' }, 10));
    expect(dead).toEqual([]);
    const files = SERVICES.flatMap((s) => t.m.graph.drives.filesIn(t.m.libraries[s]!.driveId).map((f) => ({ ...f, service: s })));
    expect(files).toHaveLength(100);
    for (const [documentId, want] of published) {
      const file = files.find((f) => f.service === want.service && f.path === want.path);
      expect(file, want.path).toBeDefined();
      expect(sha(file!.content)).toBe(want.sha);
      expect(file!.versions).toBe(1);
      expect(file!.fields[LIBRARY_COLUMNS.uploadId]).toBe(documentId);
      expect(file!.fields[LIBRARY_COLUMNS.caseReference]).toBe(want.path.split('/')[0]);
    }
    const docs = await t.system.deps.store.transaction(async (tx) =>
      (await Promise.all([...published.keys()].map((id) => tx.documents.get(id)))).map((d) => d?.status),
    );
    expect(new Set(docs)).toEqual(new Set(['delivered']));

    const answered = t.m.graph.log.slice(logStart).filter((r) => typeof r.status === 'number');
    const throttled = answered.filter((r) => r.status === 429 || r.status === 503);
    expect(throttled.length / answered.length).toBeGreaterThan(0.12);
    expect(t.m.waits).toContain(1000); // Retry-After: 1 was slept through by the adapter…
    const rescheduled = t.logs.filter((l) => l.includes('outbox delivery failed') && l.includes('document.publish'));
    expect(rescheduled.length).toBeGreaterThan(0); // …and Retry-After: 30 went back to the outbox
    console.log(
      `100 documents: ${answered.length} Graph requests, ${throttled.length} throttled (429/503), ${passes + 1} outbox passes, ${rescheduled.length} deliveries rescheduled by Retry-After`,
    );
  }, 120_000);
});
