import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEventBus } from '../../src/ports/caseEventBus.js';
import type { Store } from '../../src/ports/store.js';
import { apiAt } from '../support/httpApi.js';
import { activeCase, entry } from '../support/factories.js';
import { readEvents } from '../support/sse.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

describe('live case events', () => {
  let t: TestServer;
  let amy: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    caseId = await activeCase(amy);
  });
  afterAll(() => t.close());

  it('a watcher sees who added an entry, as it commits', async () => {
    const stream = readEvents(await amy.raw(`/api/v1/cases/${caseId}/events`, {}));
    await stream.until((es) => es.some((e) => e.event === 'ready'));
    const sam = await t.signIn('ecm-sam');
    await sam.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Added by Sam during the meeting.' }));
    const [added] = (await stream.until((es) => es.some((e) => e.event === 'timeline.added'))).filter((e) => e.event === 'timeline.added');
    expect(added!.data.actor).toEqual({ id: 'ecm-sam', name: 'Sam Okafor' });
    expect(added!.data.data.description).toBe('Added by Sam during the meeting.');
    await stream.close();
  });

  it('a watcher that reconnects with Last-Event-ID receives what it missed, once', async () => {
    const first = readEvents(await amy.raw(`/api/v1/cases/${caseId}/events`, {}));
    await first.until((es) => es.some((e) => e.event === 'ready'));
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Seen live.' }));
    const seen = await first.until((es) => es.some((e) => e.data.data?.description === 'Seen live.'));
    const lastId = seen.filter((e) => e.id).at(-1)!.id!;
    await first.close();

    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Missed while away.' }));
    const second = readEvents(await amy.raw(`/api/v1/cases/${caseId}/events`, { headers: { 'last-event-id': lastId } }));
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'After coming back.' }));
    const got = await second.until((es) => es.some((e) => e.data.data?.description === 'After coming back.'));
    expect(got.filter((e) => e.event === 'timeline.added').map((e) => e.data.data.description)).toEqual(['Missed while away.', 'After coming back.']);
    await second.close();
  });

  it('the stream is case data: no cache or proxy may keep it', async () => {
    const res = await amy.raw(`/api/v1/cases/${caseId}/events`, {});
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    await readEvents(res).close();
  });

  it('a watcher resuming from 0 or from beyond the sequence is told to load the case afresh; a new watcher is not', async () => {
    const ready = async (headers: Record<string, string>) => {
      const stream = readEvents(await amy.raw(`/api/v1/cases/${caseId}/events`, { headers }));
      const [first] = await stream.until((es) => es.some((e) => e.event === 'ready'));
      await stream.close();
      return first!.data as { resync: boolean };
    };
    expect(await ready({ 'last-event-id': '0' })).toMatchObject({ resync: true });
    expect(await ready({ 'last-event-id': '999999999' })).toMatchObject({ resync: true });
    expect(await ready({})).toMatchObject({ resync: false });
  });

  it('a partner who has accepted the terms hears of entries but nothing of the agreements', async () => {
    const sam = await t.signIn('ecm-sam');
    const fay = await t.signIn('probation-fay');
    expect((await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'probation-fay', agency: 'probation', caseRole: 'partner' })).status).toBe(201);
    expect((await fay.raw(`/api/v1/cases/${caseId}/events`, {})).status).toBe(403); // not before the terms
    expect((await fay.post(`/api/v1/cases/${caseId}/terms-acceptance`, { termsVersion: '2026-1' })).status).toBe(201);

    const partner = readEvents(await fay.raw(`/api/v1/cases/${caseId}/events`, {}));
    const staff = readEvents(await sam.raw(`/api/v1/cases/${caseId}/events`, {}));
    await Promise.all([partner, staff].map((s) => s.until((es) => es.some((e) => e.event === 'ready'))));
    const withdrawn = { party: 'parent_carer', date: '2026-11-26', method: 'phone' };
    expect((await amy.post(`/api/v1/cases/${caseId}/agreements/withdrawals`, withdrawn)).status).toBe(201);
    expect((await amy.post(`/api/v1/cases/${caseId}/agreements`, { ...withdrawn, decision: 'given' })).status).toBe(201);
    await sam.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'After the agreement was given again.' }));

    const done = (es: { data: any }[]) => es.some((e) => e.data.data?.description === 'After the agreement was given again.');
    expect((await staff.until(done)).filter((e) => e.event === 'agreement.recorded')).toHaveLength(2);
    expect((await partner.until(done)).map((e) => e.event)).toEqual(['ready', 'timeline.added']);
    await Promise.all([partner.close(), staff.close()]);
  });

  it('nobody outside the case can watch it', async () => {
    const dan = await t.signIn('yjs-dan');
    const res = await dan.raw(`/api/v1/cases/${caseId}/events`, {});
    expect(res.status).toBe(404);
    const jo = await t.signIn('police-jo');
    expect((await jo.raw(`/api/v1/cases/${caseId}/events`, {})).status).toBe(404);
  });
});

describe('a watcher who leaves before the stream opens', () => {
  let t: TestServer;
  let server: Server;
  let url: string;
  /** The server side of every connection, closed or not. */
  const closed = new Set<Promise<void>>();
  beforeAll(async () => {
    t = await startTestServer();
    // A server of our own over the same app, so the test sees when the server has seen a client go.
    server = createServer(t.system.http);
    server.on('connection', (socket) => closed.add(new Promise((ok) => socket.once('close', () => ok()))));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    await t.close();
  });

  it('leaves no one subscribed to the case', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    const deps = t.system.deps;
    const [bus, store] = [deps.bus, deps.store];

    // The real bus and store, watched: how many listen to the case, and the case looked up only
    // once the client has gone.
    let listening = 0;
    let subscribed!: () => void;
    const whenSubscribed = new Promise<void>((ok) => (subscribed = ok));
    let clientGone!: () => void;
    const gone = new Promise<void>((ok) => (clientGone = ok));
    let lookedUp: Promise<unknown> = Promise.resolve();
    const watchedBus: CaseEventBus = {
      publish: (e) => bus.publish(e),
      close: () => bus.close(),
      subscribe(id, listener) {
        const unsubscribe = bus.subscribe(id, listener);
        listening += 1;
        subscribed();
        return () => {
          listening -= 1;
          unsubscribe();
        };
      },
    };
    const heldStore = new Proxy(store, {
      get(target, prop) {
        if (prop === 'transaction' && listening > 0) {
          return (fn: Parameters<Store['transaction']>[0]) => (lookedUp = gone.then(() => target.transaction(fn)));
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    Object.assign(deps, { bus: watchedBus, store: heldStore });
    try {
      const leaving = new AbortController();
      const request = apiAt(url, amy.token)
        .raw(`/api/v1/cases/${caseId}/events`, { signal: leaving.signal })
        .catch(() => null);
      await whenSubscribed;
      leaving.abort();
      await request;
      await Promise.all(closed);
      clientGone();
      await lookedUp;
      await new Promise((ok) => setImmediate(ok));
      expect(listening).toBe(0);
    } finally {
      Object.assign(deps, { bus, store });
    }
  });
});
