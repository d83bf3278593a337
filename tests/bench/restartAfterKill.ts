import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadOnly, openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { activeCaseVia, principal } from '../support/caseSetup.js';
import { publishCaseDocument } from '../support/documents.js';
import { testTls } from '../support/graph/tls.js';
import { m365Env, type M365Doubles, startM365Doubles } from '../support/m365.js';
import { startM365TestServer } from '../support/m365System.js';
import { fmt, type ResultRow } from './support/report.js';

/**
 * A single instance killed with SIGKILL in the middle of publishing, then started again on the same
 * data directory: the time from the restart until every queued document is in its library, against
 * the time a clean start takes to publish the same documents (same run, same machine: both include
 * starting the process). The server runs as in production (tests/support/deliveryWorkerChild.ts:
 * the real composition, its default poll and lease) over the Graph double answering after
 * GRAPH_LATENCY_MS. Each round checks that every document is delivered once, in one version.
 */
const DOCUMENTS = 20;
const GRAPH_LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_RESTART_ROUNDS ?? 3);
const GOAL_SECONDS = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const until = async (check: () => boolean, what: string, ms = 120_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
};

interface Prepared {
  m: M365Doubles;
  dataDir: string;
  caFile: string;
  documents: { id: string; driveId: string; path: string }[];
}

/** Doubles and a data directory holding DOCUMENTS queued documents, nothing delivered yet. */
async function prepare(): Promise<Prepared> {
  const m = await startM365Doubles();
  m.graph.setLatency(GRAPH_LATENCY_MS);
  const dataDir = await mkdtemp(join(tmpdir(), 'ecm-bench-restart-'));
  const caFile = join(dataDir, 'graph-double-ca.pem');
  await writeFile(caFile, (await testTls()).cert);
  const t = await startM365TestServer({ doubles: m, dataDir });
  const documents: Prepared['documents'] = [];
  try {
    await t.system.setup?.firstRun;
    const helen = await principal(t.system.deps, 'psy-helen');
    const services = ['BRI', 'NSO'] as const;
    const cases = await Promise.all(services.map((s) => activeCaseVia(t.system.deps, s)));
    for (let i = 0; i < DOCUMENTS; i++) {
      const c = cases[i % cases.length]!;
      const fileName = `${c.reference} record ${i + 1}.docx`;
      const q = await publishCaseDocument(t.system.deps, helen, c.id, { fileName, content: randomBytes(40_000), documentType: 'review_record', version: 'v1' });
      documents.push({ id: q.documentId, driveId: m.libraries[services[i % cases.length]!]!.driveId, path: `${c.reference}/${fileName}` });
    }
  } finally {
    await t.close();
  }
  return { m, dataDir, caFile, documents };
}

/** Starts the server; `up` resolves when it says its worker runs (the process has loaded and opened the database). */
function startServer(p: Prepared): { child: ChildProcess; up: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/deliveryWorkerChild.ts'], {
    env: { ...process.env, ...m365Env(p.m, randomUUID()), NODE_ENV: 'test', DATA_DIR: p.dataDir, LOG_LEVEL: 'silent', ECM_TEST_CA_FILE: p.caFile },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const up = new Promise<number>((ok) => child.stdout!.on('data', (d) => String(d).includes('worker started') && ok(performance.now())));
  return { child, up };
}

const inLibrary = (p: Prepared) =>
  p.documents.filter((d) => p.m.graph.drives.filesIn(d.driveId).some((f) => f.path === d.path && f.fields.EcmUploadId === d.id)).length;

/** Waits until the running server has recorded every document delivered (read beside it, read-only). */
async function untilRecorded(p: Prepared, what: string): Promise<void> {
  const reader = openSqliteReadOnly(p.dataDir);
  try {
    let recorded = 0;
    const end = Date.now() + 120_000;
    while (recorded < DOCUMENTS) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      const docs = await reader.transaction((tx) => Promise.all(p.documents.map((d) => tx.documents.get(d.id))));
      recorded = docs.filter((d) => d?.status === 'delivered').length;
      if (recorded < DOCUMENTS) await new Promise((ok) => setTimeout(ok, 20));
    }
  } finally {
    await reader.close();
  }
}

async function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill(signal);
  await exited;
}

/** Every document delivered in the database, and in the library once, in one version. */
async function verify(p: Prepared): Promise<void> {
  const store = await openSqliteStore({ dataDir: p.dataDir });
  try {
    const docs = await store.transaction((tx) => Promise.all(p.documents.map((d) => tx.documents.get(d.id))));
    if (!docs.every((d) => d?.status === 'delivered')) throw new Error('a document was not marked delivered');
  } finally {
    await store.close();
  }
  for (const d of p.documents) {
    const files = p.m.graph.drives.filesIn(d.driveId).filter((f) => f.path === d.path);
    if (files.length !== 1 || files[0]!.versions !== 1) throw new Error(`document ${d.id} lost or written twice`);
  }
}

async function cleanStart(): Promise<{ ms: number; startingMs: number }> {
  const p = await prepare();
  try {
    const started = performance.now();
    const { child, up } = startServer(p);
    await untilRecorded(p, 'a clean start to publish');
    const ms = performance.now() - started;
    await stopped(child, 'SIGTERM');
    await verify(p);
    return { ms, startingMs: (await up) - started };
  } finally {
    await p.m.close();
    await rm(p.dataDir, { recursive: true, force: true });
  }
}

async function killAndRestart(): Promise<{ ms: number; startingMs: number; deliveredBeforeKill: number }> {
  const p = await prepare();
  try {
    const { child: first } = startServer(p);
    // Mid-publication: some documents in, others on their way.
    await until(() => inLibrary(p) >= DOCUMENTS / 4, 'the first documents to arrive');
    await stopped(first, 'SIGKILL');
    const deliveredBeforeKill = inLibrary(p);
    const started = performance.now();
    const { child: second, up } = startServer(p);
    await untilRecorded(p, 'the restarted server to finish');
    const ms = performance.now() - started;
    await stopped(second, 'SIGTERM');
    await verify(p);
    return { ms, startingMs: (await up) - started, deliveredBeforeKill };
  } finally {
    await p.m.close();
    await rm(p.dataDir, { recursive: true, force: true });
  }
}

export async function measureRestartAfterKill(): Promise<{ rows: ResultRow[]; details: unknown }> {
  const clean: number[] = [];
  const cleanStarting: number[] = [];
  const restarted: number[] = [];
  const restartStarting: number[] = [];
  const before: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const c = await cleanStart();
    clean.push(c.ms);
    cleanStarting.push(c.startingMs);
    const k = await killAndRestart();
    restarted.push(k.ms);
    restartStarting.push(k.startingMs);
    before.push(k.deliveredBeforeKill);
  }
  const seconds = median(restarted) / 1000;
  const starting = median(restartStarting) / 1000;
  return {
    rows: [
      {
        measure: `SIGKILL mid-publication (${DOCUMENTS} documents), one instance restarted on the same data directory`,
        value: `every job finished ${fmt(seconds, 2)} s after the restart, of which ${fmt(starting, 2)} s starting the process (median of ${ROUNDS}); nothing lost or duplicated`,
        reference: `a clean start publishing the same documents: ${fmt(median(clean) / 1000, 2)} s, of which ${fmt(median(cleanStarting) / 1000, 2)} s starting`,
        ratio: fmt(median(restarted) / median(clean), 2),
        goal: `≤ ${GOAL_SECONDS} s`,
        met: seconds <= GOAL_SECONDS,
        note:
          seconds <= GOAL_SECONDS
            ? 'met: the instance takes its own jobs back at once'
            : `${fmt(seconds - GOAL_SECONDS, 2)} s over; the jobs themselves took ${fmt(seconds - starting, 2)} s once the process was up`,
      },
    ],
    details: {
      documents: DOCUMENTS,
      graphLatencyMs: GRAPH_LATENCY_MS,
      cleanMs: clean,
      cleanStartingMs: cleanStarting,
      restartMs: restarted,
      restartStartingMs: restartStarting,
      deliveredBeforeKill: before,
    },
  };
}

if (process.argv[1]?.endsWith('restartAfterKill.ts')) {
  const { rows, details } = await measureRestartAfterKill();
  for (const r of rows)
    process.stdout.write(`${r.measure}\n  ${r.value}\n  reference: ${r.reference}\n  ratio ${r.ratio} (goal ${r.goal}: ${r.met ? 'met' : 'NOT met'})\n`);
  process.stdout.write(`${JSON.stringify(details)}\n`);
}
