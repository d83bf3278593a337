import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../src/adapters/sqlite/openSqliteStore.js';
import { type FakeBotConnector, startFakeBotConnector } from '../support/fakeBotConnector.js';
import { createLogger } from '../../src/lib/logger.js';
import { startM365TestServer } from '../support/m365System.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { teamsUserOf } from './fixtures.js';

const activity = {
  type: 'message',
  id: 'm1',
  text: 'my cases',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  from: teamsUserOf('yjs-amy'),
  recipient: { id: '28:bot', name: 'ECM for Teams' },
  conversation: { id: 'a:forged', conversationType: 'personal' },
};

describe('/api/messages with a bot app id', () => {
  let t: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startTestServer({
      env: { BOT_ID: '2c9d6f0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', SECRET_BOT_PASSWORD: 'not-a-real-secret', BOT_TENANT_ID: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6' },
      overrides: { logger: createLogger('warn', (line) => lines.push(line)) },
    });
  });
  afterAll(() => t.close());

  it('refuses an activity that does not come from the Bot Framework, and remembers nothing', async () => {
    const console = vi.spyOn(globalThis.console, 'error');
    try {
      const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(res.status).toBe(401);
      // Anyone can send this: it is one line in the log, never a stack on the console.
      expect(console).not.toHaveBeenCalled();
    } finally {
      console.mockRestore();
    }
    expect(lines.filter((l) => l.includes('refused'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/\bat .+\.js:\d+/);
    const stored = await t.system.deps.store.transaction((tx) => tx.conversations.get('yjs-amy'));
    expect(stored).toBeNull();
  });
});

describe('/api/messages in Microsoft 365 mode without a bot app id', () => {
  let t: TestServer;
  beforeAll(async () => {
    // A tenant stood in for by the Entra and Graph doubles, with no bot registered yet.
    t = await startM365TestServer();
  });
  afterAll(() => t.close());

  it('is not there at all rather than open', async () => {
    const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(404);
  });
});

describe('/api/messages while the database does not answer', () => {
  let t: TestServer;
  let connector: FakeBotConnector;
  let dataDir: string;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
    dataDir = mkdtempSync(join(tmpdir(), 'ecm-bot-outage-'));
    // Held by another connection, the embedded database refuses writes at once (no busy wait).
    t = await startTestServer({ overrides: { store: await openSqliteStore({ dataDir, busyTimeoutMs: 0 }) } });
  });
  afterAll(async () => {
    await t.close();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the person it is passing and nothing was changed, rather than that something broke', async () => {
    connector.open('a:amy-outage');
    const holder = new Database(join(dataDir, 'ecm.db'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, serviceUrl: connector.url, conversation: { id: 'a:amy-outage', conversationType: 'personal' } }),
      });
      await until(() => connector.sent.length > 0);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(connector.sent.map((s) => s.activity.text)).toEqual(['ECM cannot reach its database just now; nothing was changed. Please try again in a minute.']);
  });
});

/** Waits for a condition, asking every 50 ms, for at most 30 s (a loaded machine is slow, never this slow). */
async function until(condition: () => boolean): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('the condition never held');
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
