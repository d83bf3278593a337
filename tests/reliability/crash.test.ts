import { afterAll, describe, expect, it } from 'vitest';
import { entry } from '../support/factories.js';
import { type Api, apiAt, signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';
import { runAuditVerify } from './support/auditCli.js';
import { postgres, type StoreUnderTest, storeUnderTest } from './support/stores.js';

/**
 * The power goes, or the process is killed: every write the server acknowledged (201) is still
 * there when it comes back on the same data, and the audit trail still verifies. The server runs
 * as it does in production (src/main.ts in a process of its own) and is killed with SIGKILL while
 * writers keep sending, so some writes are mid-flight when it dies.
 */
const WRITERS = 8;
/** Acknowledged writes before the kill: enough that the kill lands in a steady stream. */
const KILL_AFTER = 120;

const serverOn = (store: StoreUnderTest) =>
  startServerProcess({ env: { ...store.env, NODE_ENV: 'development', ECM_DEMO_DATA: 'true', RATE_LIMIT_WRITES_PER_MINUTE: '1000000' } });

interface Acknowledged {
  id: string;
  description: string;
}

/** Writers add entries until the server stops answering; each remembers what was acknowledged. */
async function writeUntilKilled(amy: Api, caseId: string, server: ServerProcess) {
  const acknowledged: Acknowledged[] = [];
  let unanswered = 0;
  let killed: Promise<void> | null = null;
  const writer = async (w: number) => {
    for (let i = 0; ; i++) {
      const description = `Crash test: writer ${w}, entry ${i}.`;
      try {
        const res = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description }));
        if (res.status !== 201) throw new Error(`a write was refused: ${res.status} ${JSON.stringify(res.body)}`);
        acknowledged.push({ id: res.body.id, description });
      } catch (error) {
        if (!killed) throw error;
        unanswered++;
        return;
      }
      if (acknowledged.length >= KILL_AFTER && !killed) killed = server.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  await killed;
  return { acknowledged, unanswered };
}

async function everyEntry(api: Api, caseId: string) {
  const entries: { id: string; description: string; version: number }[] = [];
  let after: string | null = null;
  do {
    const page: { status: number; body: any } = await api.get(
      `/api/v1/cases/${caseId}/timeline?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    );
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    after = page.body.nextCursor;
  } while (after);
  return entries;
}

describe.each(['embedded', 'postgres'] as const)('a server killed during a stream of writes (%s database)', (name) => {
  const skip = name === 'postgres' && !postgres.available;
  const store = skip ? null : storeUnderTest(name);
  afterAll(() => store?.remove());

  it.skipIf(skip)('loses no acknowledged write, and the audit chain still verifies', async () => {
    const first = await serverOn(store!);
    const amy = await signInAt(first.url, 'yjs-amy');
    const caseId = await activeCaseToday(amy);
    const { acknowledged, unanswered } = await writeUntilKilled(amy, caseId, first);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = await serverOn(store!);
    try {
      // The sign-in survived too: the same token works on the restarted server.
      const amyAgain = apiAt(second.url, amy.token);
      const stored = await everyEntry(amyAgain, caseId);
      const byId = new Map(stored.map((e) => [e.id, e]));
      const lost = acknowledged.filter((a) => byId.get(a.id)?.description !== a.description);
      expect(lost).toEqual([]);
      expect(byId.size).toBe(stored.length);
      // Writes in flight at the kill may or may not have committed; none is there twice or half-made.
      expect(stored.length - acknowledged.length).toBeLessThanOrEqual(unanswered);
      for (const a of acknowledged.slice(-10)) {
        const history = await amyAgain.get(`/api/v1/cases/${caseId}/timeline/${a.id}/history`);
        expect(history.body.items.map((r: any) => [r.version, r.content.description])).toEqual([[1, a.description]]);
      }
      // The server takes new work where it stopped.
      expect((await amyAgain.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'After the restart.' }))).status).toBe(201);
    } finally {
      await second.kill('SIGTERM');
    }

    const verified = await runAuditVerify(store!.env);
    expect(verified.output).not.toMatch(/BROKEN/);
    expect(verified.output).toMatch(/ok {6}BRI: \d+ rows, chain intact/);
    expect(verified.code).toBe(0);
  });
});
