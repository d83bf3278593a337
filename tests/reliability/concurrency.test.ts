import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import type { Api, ApiResponse } from '../support/httpApi.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';
import { postgres, type StoreUnderTest, storeUnderTest } from './support/stores.js';

/**
 * Twenty people edit the same timeline entries and the same formulation at once, each sending the
 * version they read as If-Match. Every update either applies (200) or is refused as stale (412);
 * none is lost silently: the final version is the number of 200s plus one, and the history holds
 * exactly the updates that applied, each under the version its 200 announced.
 */
const CLIENTS = 20;
const ROUNDS = 4;
const EDITORS = ['ecm-sam', 'ecm-priya', 'psy-helen', 'psy-tom'];

interface Applied {
  /** The version the client read and sent as If-Match. */
  basedOn: number;
  version: number;
  text: string;
}

/** Each client reads the current version, then sends its change against it, ROUNDS times. */
async function race(
  clients: Api[],
  read: (api: Api) => Promise<number>,
  write: (api: Api, version: number, text: string) => Promise<ApiResponse>,
  label: string,
): Promise<{ applied: Applied[]; stale: number; other: string[] }> {
  const applied: Applied[] = [];
  const other: string[] = [];
  let stale = 0;
  await Promise.all(
    clients.map(async (api, c) => {
      for (let round = 0; round < ROUNDS; round++) {
        const version = await read(api);
        const text = `${label}: client ${c}, round ${round}.`;
        const res = await write(api, version, text);
        if (res.status === 200) applied.push({ basedOn: version, version: res.body.version, text });
        else if (res.status === 412 && res.body?.error?.code === 'precondition_failed') stale++;
        else other.push(`${res.status} ${JSON.stringify(res.body)}`);
      }
    }),
  );
  return { applied: applied.sort((a, b) => a.version - b.version), stale, other };
}

/** An update that applied was made to the version its author read: nobody wrote over a change unseen. */
const expectNoBlindOverwrite = (applied: Applied[]) => expect(applied.filter((a) => a.version !== a.basedOn + 1)).toEqual([]);

describe.each(['embedded', 'postgres'] as const)('twenty people editing at once (%s database)', (name) => {
  const skip = name === 'postgres' && !postgres.available;
  let store: StoreUnderTest | null = null;
  let t: TestServer;
  let clients: Api[];
  let caseId: string;

  beforeAll(async () => {
    if (skip) return;
    store = name === 'postgres' ? storeUnderTest('postgres') : null;
    const env = {
      RATE_LIMIT_WRITES_PER_MINUTE: '100000',
      ...(store ? { DATABASE_URL: store.env.DATABASE_URL!, DATABASE_SCHEMA: store.env.DATABASE_SCHEMA! } : {}),
    };
    t = await startTestServer({ env });
    const amy = await t.signIn('yjs-amy');
    caseId = await activeCase(amy);
    const editors = await Promise.all(EDITORS.map((id) => t.signIn(id)));
    clients = Array.from({ length: CLIENTS }, (_, i) => editors[i % editors.length]!);
  });
  afterAll(async () => {
    await t?.close();
    await store?.remove();
  });

  it.skipIf(skip)('every edit of the same timeline entries applies or gets 412, and the history holds exactly the applied ones', async () => {
    const sam = clients[0]!;
    const entries = await Promise.all(
      [1, 2].map(async (n) => (await sam.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: `Entry ${n} as first told.` }))).body),
    );
    for (const [n, e] of entries.entries()) {
      const versionOf = async (api: Api) => {
        const history = await api.get(`/api/v1/cases/${caseId}/timeline/${e.id}/history`);
        return history.body.items.at(-1).version as number;
      };
      const result = await race(
        clients,
        versionOf,
        (api, version, text) => api.put(`/api/v1/cases/${caseId}/timeline/${e.id}`, entry({ description: text }), { 'if-match': `"${version}"` }),
        `entry ${n + 1}`,
      );
      expect(result.other).toEqual([]);
      expect(result.applied.length + result.stale).toBe(CLIENTS * ROUNDS);
      expect(result.applied.length).toBeGreaterThan(0);
      expectNoBlindOverwrite(result.applied);

      const history = (await sam.get(`/api/v1/cases/${caseId}/timeline/${e.id}/history`)).body.items as any[];
      expect(history.at(-1).version).toBe(result.applied.length + 1);
      expect(history.map((r) => [r.version, r.content.description])).toEqual([
        [1, `Entry ${n + 1} as first told.`],
        ...result.applied.map((a) => [a.version, a.text]),
      ]);
      const listed = (await sam.get(`/api/v1/cases/${caseId}/timeline`)).body.items.find((x: any) => x.id === e.id);
      expect(listed).toMatchObject({ version: result.applied.length + 1, description: result.applied.at(-1)!.text });
    }
  });

  it.skipIf(skip)('every save of the same formulation applies or gets 412, and the revisions hold exactly the applied ones', async () => {
    const helen = clients[2]!;
    const drafted = await helen.post(`/api/v1/cases/${caseId}/formulation`, { summary: 'The first draft.' });
    expect(drafted.status).toBe(201);
    const result = await race(
      clients,
      async (api) => (await api.get(`/api/v1/cases/${caseId}/formulation`)).body.current.version as number,
      (api, version, text) => api.put(`/api/v1/cases/${caseId}/formulation`, { summary: text }, { 'if-match': `"${version}"` }),
      'formulation',
    );
    expect(result.other).toEqual([]);
    expect(result.applied.length + result.stale).toBe(CLIENTS * ROUNDS);
    expect(result.applied.length).toBeGreaterThan(0);
    expectNoBlindOverwrite(result.applied);

    const current = (await helen.get(`/api/v1/cases/${caseId}/formulation`)).body.current;
    expect(current.version).toBe(result.applied.length + 1);
    expect(current.content.summary).toBe(result.applied.at(-1)!.text);
    const revisions = (await helen.get(`/api/v1/cases/${caseId}/formulation/versions/${current.number}/revisions`)).body.items as any[];
    expect(revisions.map((r) => [r.version, r.content.summary])).toEqual([[1, 'The first draft.'], ...result.applied.map((a) => [a.version, a.text])]);
  });
});
