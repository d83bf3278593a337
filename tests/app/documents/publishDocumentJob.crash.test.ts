import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCaseDocument } from '../../support/documents.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { m365Env, type M365Doubles, startM365Doubles } from '../../support/m365.js';
import { startM365TestServer } from '../../support/m365System.js';
import { testTls } from '../../support/graph/tls.js';
import { SLOW_TEST_MS, until } from '../../support/patience.js';
import { TODAY } from '../../support/testSystem.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * A real crash: the worker runs in its own process and is killed with SIGKILL while its upload
 * session is half sent. A new server on the same database, once the dead worker's lease has run
 * out, delivers the document: one file, one version, every byte.
 */
describe('a worker killed in the middle of a delivery', () => {
  let m: M365Doubles & { teamsAppId: string };
  let dataDir: string;
  beforeAll(async () => {
    m = Object.assign(await startM365Doubles(), { teamsAppId: '3f1e0a8e-5c4d-4b7a-9a51-6a0c9b1d2e3f' });
    dataDir = await mkdtemp(join(tmpdir(), 'ecm-crash-'));
  });
  afterAll(async () => {
    await m.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Runs the worker in its own process until Graph has seen `held`, then kills it with SIGKILL. */
  async function runWorkerUntilKilled(held: (r: M365Doubles['graph']['log'][number]) => boolean): Promise<void> {
    const caFile = join(dataDir, 'graph-double-ca.pem');
    await writeFile(caFile, (await testTls()).cert);
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/deliveryWorkerChild.ts'], {
      env: {
        ...process.env,
        ...m365Env(m, m.teamsAppId),
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        OUTBOX_POLL_MS: '50',
        LOG_LEVEL: 'silent',
        ECM_TEST_CA_FILE: caFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let childErr = '';
    child.stderr.on('data', (d) => (childErr += String(d)));
    const exited = new Promise<NodeJS.Signals | null>((ok) => child.on('exit', (_code, signal) => ok(signal)));
    await until('Graph to hold the request', () => m.graph.log.some(held)).catch((e) => {
      child.kill('SIGKILL');
      throw new Error(`${(e as Error).message}\n${childErr}`);
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  }

  /** A new server on the same database, once the dead worker's lease has run out. */
  async function restart() {
    const second = await startM365TestServer({ doubles: m, dataDir });
    second.clock.set(new Date(Math.max(Date.now(), Date.parse(TODAY)) + 10 * 60_000));
    return second;
  }

  it(
    'finishes an upload session cut off half way, after a restart, with no duplicate and nothing lost',
    async () => {
      // 1. A psychologist publishes a large report; it is committed, not yet delivered.
      const first = await startM365TestServer({ doubles: m, dataDir });
      const { id: caseId, reference } = await activeCaseVia(first.system.deps, 'BRI');
      const content = randomBytes(9 * 1024 * 1024 + 4321);
      first.clock.set(new Date()); // the worker process keeps real time: the job must be due for it
      const queued = await publishCaseDocument(first.system.deps, await principal(first.system.deps, 'psy-helen'), caseId, {
        fileName: `${reference} formulation v1.docx`,
        content,
        documentType: 'formulation_report',
        version: 'v1',
      });
      await first.close();

      // 2. A worker process starts delivering; Graph holds its third fragment, and we kill the process there.
      let fragments = 0;
      m.graph.inject({ matches: (_n, call) => call.upload && call.method === 'PUT' && ++fragments === 3, fault: { kind: 'timeout' }, times: 1 });
      await runWorkerUntilKilled((r) => r.path === '/upload' && r.status === 'timeout');
      const partial = [...m.graph.drives.sessions.values()];
      expect(partial).toHaveLength(1);
      expect(partial[0]!.next).toBe(2 * 10 * 320 * 1024); // two fragments arrived before the crash
      expect(m.graph.drives.filesIn(m.libraries.BRI!.driveId)).toEqual([]);

      // 3. A new server on the same database, after the dead worker's lease has expired.
      const second = await restart();
      try {
        const stillPending = await second.system.deps.store.transaction((tx) => tx.outbox.list({ caseId, kind: 'document.publish', status: 'pending' }, 5));
        expect(stillPending).toHaveLength(1);
        await second.system.worker.runOnce();

        const files = m.graph.drives.filesIn(m.libraries.BRI!.driveId);
        expect(files.map((f) => [f.path, f.versions])).toEqual([[`${reference}/${reference} formulation v1.docx`, 1]]);
        expect(sha(files[0]!.content)).toBe(sha(content));
        const doc = await second.system.deps.store.transaction((tx) => tx.documents.get(queued.documentId));
        expect(doc).toMatchObject({ status: 'delivered', libraryVersion: '1.0' });
        const done = await second.system.deps.store.transaction((tx) => tx.outbox.list({ caseId, kind: 'document.publish', status: 'done' }, 5));
        expect(done).toHaveLength(1);
      } finally {
        await second.close();
      }
    },
    SLOW_TEST_MS,
  );

  it(
    'adds no second version when the crash comes after the bytes landed but before the metadata',
    async () => {
      const first = await startM365TestServer({ doubles: m, dataDir });
      const { id: caseId, reference } = await activeCaseVia(first.system.deps, 'NSO');
      const content = randomBytes(300_000);
      first.clock.set(new Date());
      const queued = await publishCaseDocument(first.system.deps, await principal(first.system.deps, 'psy-helen'), caseId, {
        fileName: `${reference} review 1.docx`,
        content,
        documentType: 'review_record',
        version: 'v1',
      });
      await first.close();

      // The delivery's metadata request: Graph holds it, and the worker dies waiting.
      m.graph.clearFaults();
      const start = m.graph.log.length;
      const setsFields = (call: { method: string; path: string }) => call.method === 'PATCH' && call.path.endsWith('/listItem/fields');
      m.graph.inject({ matches: (_n, call) => setsFields(call), fault: { kind: 'timeout' }, times: 1 });
      await runWorkerUntilKilled((r) => r.n > (m.graph.log[start - 1]?.n ?? 0) && setsFields(r) && r.status === 'timeout');
      const landed = m.graph.drives.filesIn(m.libraries.NSO!.driveId);
      expect(landed.map((f) => [f.versions, f.fields.EcmUploadId])).toEqual([[1, undefined]]); // bytes in, metadata not

      const second = await restart();
      try {
        await second.system.worker.runOnce();
        const files = m.graph.drives.filesIn(m.libraries.NSO!.driveId);
        expect(files.map((f) => [f.path, f.versions, f.fields.EcmUploadId])).toEqual([[`${reference}/${reference} review 1.docx`, 1, queued.documentId]]);
        expect(sha(files[0]!.content)).toBe(sha(content));
      } finally {
        await second.close();
      }
    },
    SLOW_TEST_MS,
  );
});
