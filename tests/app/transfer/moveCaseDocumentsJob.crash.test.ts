import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSystemLibrary } from '../../../src/adapters/local/fileSystemLibrary.js';
import { CASE_TRANSFER_DOCUMENTS_KIND } from '../../../src/app/transfer/moveCaseDocumentsJob.js';
import { transferCase } from '../../../src/app/transfer/transferCase.js';
import type { DocumentLibrary } from '../../../src/ports/documentLibrary.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { publishCaseDocument } from '../../support/documents.js';
import { drainOutbox } from '../../support/outbox.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The process dies at this library call: before it reaches the library, or just after. */
interface CrashPoint {
  call: number;
  when: 'before' | 'after';
}

class ProcessDied extends Error {}

/**
 * The local library, with a switch that makes the process "die" at one call of a move: everything
 * the job did before stays done (the files, the committed rows), nothing after it happens.
 */
function crashingLibrary(inner: DocumentLibrary): { library: DocumentLibrary; arm(p: CrashPoint | null): void; calls(): number } {
  let crash: CrashPoint | null = null;
  let count = 0;
  const library = Object.fromEntries(
    Object.entries(inner).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        count += 1;
        if (crash?.call === count && crash.when === 'before') throw new ProcessDied(`died before ${name}`);
        const result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        if (crash?.call === count && crash.when === 'after') throw new ProcessDied(`died after ${name}`);
        return result;
      },
    ]),
  ) as unknown as DocumentLibrary;
  return { library, arm: (p) => ((crash = p), (count = 0)), calls: () => count };
}

/**
 * A transfer stopped at every step of its documents' move, then started again: each time the move
 * completes with every document in the new library, byte for byte and once, and nothing in the old;
 * and at the moment of each crash, no document is missing from both libraries.
 */
describe('a transfer stopped half way, at each step of moving its documents', () => {
  let t: TestServer;
  let files: string;
  let crashing: ReturnType<typeof crashingLibrary>;
  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'ecm-transfer-crash-'));
    crashing = crashingLibrary(fileSystemLibrary(files, { now: () => t.clock.now() }));
    t = await startTestServer({ overrides: { library: crashing.library } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(files, { recursive: true, force: true });
  });

  const contents = [
    { suffix: '_formulation-report.docx', documentType: 'formulation_report' as const, bytes: 'the formulation report' },
    { suffix: '_youth-friendly-formulation.docx', documentType: 'youth_friendly_formulation' as const, bytes: 'the youth-friendly version' },
    { suffix: '_timeline.svg', documentType: 'timeline_picture' as const, bytes: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  ];

  /** A Bristol case with its three documents filed, transferred to North Somerset (the move not yet run). */
  async function transferredCase() {
    crashing.arm(null);
    const c = await activeCaseVia(t.system.deps, 'BRI');
    const helen = await principal(t.system.deps, 'psy-helen');
    for (const f of contents) {
      await publishCaseDocument(t.system.deps, helen, c.id, {
        fileName: `${c.reference}${f.suffix}`,
        content: new Uint8Array(Buffer.from(f.bytes)),
        documentType: f.documentType,
        version: 'v1',
      });
    }
    await drainOutbox(t.system);
    const sam = await principal(t.system.deps, 'ecm-sam');
    const { version } = (await t.system.deps.store.transaction((tx) => tx.cases.get(c.id)))!;
    const moved = await transferCase(t.system.deps, sam, c.id, { toServiceId: 'NSO', caseHolderId: 'yjs-dan' }, version);
    return { id: c.id, from: c.reference, to: moved.reference };
  }

  const folder = async (serviceId: string, reference: string) => {
    const found = new Map<string, string>();
    for (const item of (await t.system.deps.library.listLibrary(serviceId)).filter((i) => i.folder === reference)) {
      const doc = await t.system.deps.library.getDocument(serviceId, reference, item.name);
      if (doc) found.set(item.name.slice(reference.length), sha(doc.content));
    }
    return found;
  };
  const expected = new Map(contents.map((f) => [f.suffix, sha(new Uint8Array(Buffer.from(f.bytes)))]));

  /** Nothing is lost: each document is, byte for byte, in the new library or still in the old. */
  async function nothingLost(c: { from: string; to: string }) {
    const [old, now] = [await folder('BRI', c.from), await folder('NSO', c.to)];
    for (const [suffix, hash] of expected) expect(old.get(suffix) === hash || now.get(suffix) === hash, `${suffix} is somewhere`).toBe(true);
  }

  async function moveJob(caseId: string) {
    return (await t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId, kind: CASE_TRANSFER_DOCUMENTS_KIND }, 5)))[0]!;
  }

  it('how many library calls a whole move makes (the steps to stop at)', async () => {
    const c = await transferredCase();
    crashing.arm({ call: Number.MAX_SAFE_INTEGER, when: 'before' });
    await drainOutbox(t.system);
    // List the old folder; for each of three files read, write, read back; remove the old folder.
    expect(crashing.calls()).toBe(1 + 3 * 3 + 1);
    expect(await folder('NSO', c.to)).toEqual(expected);
    expect(await folder('BRI', c.from)).toEqual(new Map());
  });

  for (const when of ['before', 'after'] as const) {
    for (let call = 1; call <= 11; call++) {
      it(`dies ${when} library call ${call} of 11, and on restart the move completes`, async () => {
        const c = await transferredCase();
        crashing.arm({ call, when });
        await drainOutbox(t.system).catch(() => undefined);
        const stopped = await moveJob(c.id);
        expect(stopped.status).toBe('pending');
        expect(stopped.lastError).toContain('died');
        await nothingLost(c);

        // The restart: the library answers again and the job is due again.
        crashing.arm(null);
        t.clock.advance(60 * 60_000);
        await drainOutbox(t.system);
        expect((await moveJob(c.id)).status).toBe('done');
        expect(await folder('NSO', c.to)).toEqual(expected);
        expect(await folder('BRI', c.from)).toEqual(new Map());
        // Each copy was written once: a repeated step added no second version.
        for (const f of contents) expect(await t.system.deps.library.listVersions('NSO', c.to, `${c.to}${f.suffix}`)).toHaveLength(1);
        const transfer = (await t.system.deps.store.transaction((tx) => tx.transfers.listForCase(c.id)))[0]!;
        expect(transfer).toMatchObject({ documentsMoved: 3, documentsMovedAt: expect.any(String) });
        const records = await t.system.deps.store.transaction((tx) => tx.documents.list(c.id));
        expect(records.filter((d) => d.serviceId === 'NSO' && d.status === 'delivered')).toHaveLength(3);
      });
    }
  }
});
