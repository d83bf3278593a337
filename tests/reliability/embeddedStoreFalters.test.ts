import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { entry } from '../support/factories.js';
import { signInAt } from '../support/httpApi.js';
import { activeCaseToday } from '../support/liveCase.js';
import { type ServerProcess, startServerProcess } from '../support/serverProcess.js';
import { type StoreUnderTest, storeUnderTest } from './support/stores.js';

/**
 * The embedded database held by someone else (a backup tool, an operator's sqlite3 shell holding a
 * write transaction): the server waits its busy timeout, then answers 503 with Retry-After rather
 * than 500, stays up, and takes writes again as soon as the database is free.
 */
describe('a server whose embedded database is held by another connection', () => {
  const store: StoreUnderTest = storeUnderTest('embedded');
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await store.remove();
  });

  it('answers 503 with Retry-After while the database is busy, and writes again once it is free', async () => {
    server = await startServerProcess({
      env: { ...store.env, NODE_ENV: 'development', ECM_DEMO_DATA: 'true', SQLITE_BUSY_TIMEOUT_MS: '200', LOG_LEVEL: 'info' },
    });
    const amy = await signInAt(server.url, 'yjs-amy');
    const caseId = await activeCaseToday(amy);

    const holder = new Database(join(store.dataDir, 'ecm.db'));
    holder.exec('BEGIN IMMEDIATE');
    const busy = [];
    try {
      for (let i = 0; i < 3; i++) busy.push(await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: `Busy test ${i}.` })));
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    for (const res of busy) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(res.body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/database/) } });
    }

    const after = await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'After the database was free.' }));
    expect(after.status).toBe(201);
    expect(server.child.exitCode).toBeNull();
    const timeline = await amy.get(`/api/v1/cases/${caseId}/timeline`);
    expect(timeline.body.items.map((e: { description: string }) => e.description).filter((d: string) => d.startsWith('Busy test'))).toEqual([]);

    // Logged as one passing outage, at warn, not as three failures; it ends once requests have
    // gone through for a while (2 s) after the last refusal.
    const s = server;
    await until(async () => (await amy.get(`/api/v1/cases/${caseId}`)).status === 200 && s.output().includes('the database answers again'));
    const lines = server.output().split('\n');
    expect(lines.filter((l) => l.includes('the database is not answering'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('the database answers again'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});

/** Waits for a condition, asking every 100 ms, for at most 30 s (a loaded machine is slow, never this slow). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('the condition never held');
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
