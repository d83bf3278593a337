import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/adapters/postgres/openPostgresStore.js';
import { type Store, StoreUnavailableError } from '../../src/ports/store.js';
import { entry } from '../support/factories.js';
import type { Api } from '../support/httpApi.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';
import { runAuditVerify } from './support/auditCli.js';
import { postgres, type StoreUnderTest, storeUnderTest } from './support/stores.js';
import { type TcpProxy, tcpProxy } from './support/tcpProxy.js';

/**
 * The database falters while people write: a TCP proxy between the server and PostgreSQL cuts the
 * connection for ten seconds, then stalls it for ten seconds, while a writer adds a timeline entry
 * every 100 ms and a load balancer asks /readyz every 250 ms. The server runs as in production
 * (src/main.ts in a process of its own, default timeouts), so an exit would be seen.
 */
const WRITE_EVERY_MS = 100;
const READY_EVERY_MS = 250;
const OUTAGE_MS = 10_000;
/** Steady writing between the outages, so each starts from a working server. */
const STEADY_MS = 2_000;
/** What the issue asks: back within 3 s of the database returning. */
const RESUME_WITHIN_MS = 3_000;
/**
 * /readyz bounds its own wait at 1 s. Measured from the test, a probe also waits for two busy
 * processes on a loaded two-core machine to be scheduled: the typical probe must keep the bound
 * (half a second of slack), and none may come near the outage's length, as a probe that waited for
 * the database would.
 */
const READY_BOUND_MS = 1_000;
const TYPICAL_SLACK_MS = 500;
const WORST_SLACK_MS = 4_000;
/** A write that never answers at all would hang the test: far beyond any timeout of the server. */
const REQUEST_LIMIT_MS = 60_000;

interface Write {
  description: string;
  status: number;
  retryAfter: string | null;
  code: string | null;
  id: string | null;
}

interface Readiness {
  phase: Phase;
  status: number;
  ms: number;
  body: unknown;
}

type Phase = 'steady' | 'cut' | 'stalled';

const pause = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** The URL the server is given: the database's, through the proxy. */
function throughProxy(url: string, proxy: TcpProxy): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return u.toString();
}

function target(url: string) {
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}

async function write(amy: Api, caseId: string, description: string): Promise<Write> {
  const res = await amy.raw(`/api/v1/cases/${caseId}/timeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(entry({ description })),
    signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
  });
  const body = (await res.json().catch(() => null)) as { id?: string; error?: { code?: string } } | null;
  return {
    description,
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    code: body?.error?.code ?? null,
    id: res.status === 201 ? (body?.id ?? null) : null,
  };
}

/** The writer and the load balancer, each on its own beat, until told to stop. */
function underLoad(server: ServerProcess, amy: Api, caseId: string) {
  const writes: Promise<Write>[] = [];
  const readiness: Readiness[] = [];
  let phase: Phase = 'steady';
  let n = 0;
  const writer = setInterval(() => writes.push(write(amy, caseId, `Outage test: entry ${n++}.`)), WRITE_EVERY_MS);
  const prober = setInterval(() => {
    const at = phase;
    const started = performance.now();
    void fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(REQUEST_LIMIT_MS) }).then(
      async (r) => readiness.push({ phase: at, status: r.status, ms: performance.now() - started, body: await r.json() }),
      () => readiness.push({ phase: at, status: 0, ms: performance.now() - started, body: null }),
    );
  }, READY_EVERY_MS);
  return {
    writes,
    readiness,
    set phase(p: Phase) {
      phase = p;
    },
    async stop() {
      clearInterval(writer);
      clearInterval(prober);
      return Promise.all(writes);
    },
  };
}

/**
 * Milliseconds from now until a write is sent that the server acknowledges, trying every 100 ms.
 * Counted to when the write was sent, not answered: how long a loaded machine takes to answer is
 * not how long the server took to come back.
 */
async function timeToServeAgain(amy: Api, caseId: string, label: string): Promise<number> {
  const started = performance.now();
  for (let i = 0; ; i++) {
    const sent = performance.now() - started;
    const w = await write(amy, caseId, `Outage test: ${label}, probe ${i}.`);
    if (w.status === 201) return sent;
    if (performance.now() - started > REQUEST_LIMIT_MS) throw new Error(`the server did not serve again after ${label}`);
    await pause(100);
  }
}

async function everyEntry(amy: Api, caseId: string) {
  const entries: { id: string; description: string; version: number }[] = [];
  let after: string | null = null;
  do {
    const page: { status: number; body: any } = await amy.get(
      `/api/v1/cases/${caseId}/timeline?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    after = page.body.nextCursor;
  } while (after);
  return entries;
}

describe('a transaction whose PostgreSQL connection falters between two statements', () => {
  const skip = !postgres.available;
  const store: StoreUnderTest | null = skip ? null : storeUnderTest('postgres');
  let proxy: TcpProxy | null = null;
  let opened: Store | null = null;
  afterAll(async () => {
    await opened?.close();
    await proxy?.close();
    await store?.remove();
  });

  /** Runs a transaction that reads, lets `falter` happen, then reads again; returns how it ended. */
  async function faltering(s: Store, falter: () => Promise<void>): Promise<unknown> {
    let between!: () => void;
    const reachedTheMiddle = new Promise<void>((ok) => (between = ok));
    let carryOn!: () => void;
    const faltered = new Promise<void>((ok) => (carryOn = ok));
    const tx = s.transaction(async (t) => {
      await t.services.list();
      between();
      await faltered;
      return t.services.list();
    });
    await reachedTheMiddle;
    await falter();
    carryOn();
    return tx.then(
      () => 'committed',
      (error: unknown) => error,
    );
  }

  it.skipIf(skip)('fails cleanly as unavailable when cut or stalled, and the pool serves again once the database is back', async () => {
    proxy = await tcpProxy(target(store!.env.DATABASE_URL!));
    const p = proxy;
    // A short statement timeout, so that the stall is noticed quickly.
    opened = await openPostgresStore({
      url: throughProxy(store!.env.DATABASE_URL!, p),
      schema: store!.env.DATABASE_SCHEMA,
      poolSize: 2,
      timeouts: { statementMs: 500, connectMs: 500 },
    });
    const s = opened;

    // Cut while the transaction holds its connection between statements: before this was handled,
    // the checked-out client's 'error' event had no listener and ended the process (here, vitest's).
    const cut = await faltering(s, async () => {
      p.cut();
      // The other connection of the pool finds the database gone: by then the reset has reached both.
      await until(async () => !(await s.ping()));
    });
    expect(cut).toBeInstanceOf(StoreUnavailableError);
    p.restore();
    await until(() => s.ping());
    expect(await s.transaction((t) => t.services.list())).toEqual([]);

    // Stall: the next statement never gets its reply; the client stops waiting and drops the connection.
    const stalled = await faltering(s, async () => p.stall());
    expect(stalled).toBeInstanceOf(StoreUnavailableError);
    p.restore();
    await until(() => s.ping());
    expect(await s.transaction((t) => t.services.list())).toEqual([]);
  });
});

describe('a server started while its PostgreSQL is away', () => {
  const skip = !postgres.available;
  const store: StoreUnderTest | null = skip ? null : storeUnderTest('postgres');
  let proxy: TcpProxy | null = null;
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await proxy?.close();
    await store?.remove();
  });

  it.skipIf(skip)('waits for it, saying so, and starts when it comes', async () => {
    proxy = await tcpProxy(target(store!.env.DATABASE_URL!));
    const p = proxy;
    p.cut();
    const starting = startServerProcess({
      env: { ...store!.env, DATABASE_URL: throughProxy(store!.env.DATABASE_URL!, p), ECM_DEMO_DATA: 'true', NODE_ENV: 'development' },
      startTimeoutMs: 120_000,
    });
    // Tried, refused, and tried again after a pause: it is waiting, not gone.
    await until(() => p.refused >= 3);
    p.restore();
    server = await starting;
    expect(server.output()).toMatch(/"level":"warn".*"attempt":2.*waiting for the database before starting/);
    expect((await signInAt(server.url, 'yjs-amy')).token).toBeTruthy();
  });
});

/** How many outages the server's log says began, and ended. */
function outageLines(server: ServerProcess) {
  const lines = server.output().split('\n');
  return {
    began: lines.filter((l) => l.includes('the database is not answering')).length,
    ended: lines.filter((l) => l.includes('the database answers again')).length,
  };
}

/** Waits for a condition, asking every 50 ms, for at most 30 s (a loaded machine is slow, never this slow). */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('the condition never held');
    await pause(50);
  }
}

describe('a server whose PostgreSQL connection is cut, then stalled, under write load', () => {
  const skip = !postgres.available;
  const store: StoreUnderTest | null = skip ? null : storeUnderTest('postgres');
  let proxy: TcpProxy | null = null;
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await proxy?.close();
    await store?.remove();
  });

  it.skipIf(skip)('stays up, answers 503 with Retry-After, comes back within 3 s, and loses nothing acknowledged', async () => {
    proxy = await tcpProxy(target(store!.env.DATABASE_URL!));
    server = await startServerProcess({
      env: {
        ...store!.env,
        DATABASE_URL: throughProxy(store!.env.DATABASE_URL!, proxy),
        NODE_ENV: 'development',
        ECM_DEMO_DATA: 'true',
        RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
        LOG_LEVEL: 'info',
      },
    });
    const amy = await signInAt(server.url, 'yjs-amy');
    const caseId = await activeCaseToday(amy);
    let exited = false;
    void server.exited.then(() => (exited = true));

    const load = underLoad(server, amy, caseId);
    await pause(STEADY_MS);

    proxy.cut();
    load.phase = 'cut';
    await pause(OUTAGE_MS);
    proxy.restore();
    load.phase = 'steady';
    const afterCut = await timeToServeAgain(amy, caseId, 'after the cut');
    const s = server;
    await until(() => outageLines(s).ended === 1);
    await pause(STEADY_MS);

    proxy.stall();
    load.phase = 'stalled';
    await pause(OUTAGE_MS);
    proxy.restore();
    load.phase = 'steady';
    const afterStall = await timeToServeAgain(amy, caseId, 'after the stall');
    await until(() => outageLines(s).ended === 2);
    await pause(STEADY_MS);
    const writes = await load.stop();

    // The instance lived through both.
    expect(exited, server.output()).toBe(false);
    expect(server.child.exitCode).toBeNull();

    // Each write was either acknowledged or refused as a passing outage: 503, Retry-After, the envelope.
    const refused = writes.filter((w) => w.status !== 201);
    expect(refused.map((w) => ({ status: w.status, code: w.code, retryAfter: w.retryAfter !== null }))).toEqual(
      refused.map(() => ({ status: 503, code: 'unavailable', retryAfter: true })),
    );
    // Both outages were felt, and the load ran on either side of them.
    expect(refused.length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.status === 201).length).toBeGreaterThan(2 * (STEADY_MS / WRITE_EVERY_MS) * 0.5);

    // /readyz named the database while it was away, and never kept a load balancer waiting.
    const down = load.readiness.filter((r) => r.status === 503);
    expect(down.some((r) => r.phase === 'cut')).toBe(true);
    expect(down.some((r) => r.phase === 'stalled')).toBe(true);
    for (const r of down) expect(r.body).toEqual({ status: 'unavailable', down: ['database'] });
    expect(load.readiness.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
    const waits = load.readiness.map((r) => r.ms).sort((a, b) => a - b);
    expect(waits[Math.floor(waits.length / 2)]).toBeLessThan(READY_BOUND_MS + TYPICAL_SLACK_MS);
    expect(waits.at(-1)).toBeLessThan(READY_BOUND_MS + WORST_SLACK_MS);

    // Back within 3 s of the database returning, each time.
    expect(afterCut).toBeLessThan(RESUME_WITHIN_MS);
    expect(afterStall).toBeLessThan(RESUME_WITHIN_MS);

    // Nothing acknowledged is lost; nothing is there twice or half-made.
    const stored = await everyEntry(amy, caseId);
    const byId = new Map(stored.map((e) => [e.id, e]));
    const acknowledged = writes.filter((w) => w.status === 201);
    expect(acknowledged.filter((w) => byId.get(w.id!)?.description !== w.description)).toEqual([]);
    expect(byId.size).toBe(stored.length);
    const sent = new Set(writes.map((w) => w.description));
    const fromLoad = stored.filter((e) => sent.has(e.description));
    // A write refused while its commit was on the wire may have committed; nothing else is there.
    expect(fromLoad.length - acknowledged.length).toBeLessThanOrEqual(refused.length);
    for (const e of stored.filter((s) => s.description.startsWith('Outage test'))) expect(e.version).toBe(1);

    // Each outage was logged as it began and as it ended, not once per refused request.
    expect(outageLines(server)).toEqual({ began: 2, ended: 2 });
    expect(server.output()).not.toMatch(/"level":"error"/);

    await server.kill('SIGTERM');
    server = null;
    const verified = await runAuditVerify(store!.env);
    expect(verified.output).not.toMatch(/BROKEN/);
    expect(verified.code).toBe(0);
  });
});
