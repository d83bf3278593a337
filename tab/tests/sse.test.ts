import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureApi } from '../src/api/client.js';
import type { LiveEvent } from '../src/api/types.js';
import { parseSse, watchCaseEvents } from '../src/live/sse.js';
import { addTimelineEntry } from '../../src/app/timeline/addTimelineEntry.js';
import { principal } from '../../tests/support/caseSetup.js';
import { activeCase, entry } from '../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../tests/support/testSystem.js';

describe('reading server-sent events', () => {
  it('splits complete messages and keeps a partial one for later', () => {
    const { messages, rest } = parseSse(
      'retry: 3000\nevent: ready\ndata: {"a":1}\n\n: keep-alive\n\nid: 7\nevent: timeline.added\ndata: {"b":\ndata: 2}\n\nid: 8\nevent: tim',
    );
    expect(messages).toEqual([
      { event: 'ready', data: '{"a":1}', retry: 3000 },
      { id: '7', event: 'timeline.added', data: '{"b":\n2}' },
    ]);
    expect(rest).toBe('id: 8\nevent: tim');
  });
});

describe('following a case live', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('reconnects after a drop with Last-Event-ID and receives the entry added meanwhile', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    configureApi(
      async () => amy.token,
      () => {},
    );
    const requests: (string | null)[] = [];
    let dropped = false;
    // The real server, reached over the network; the first connection is cut after its first entry.
    const fetchImpl: typeof fetch = async (url, init) => {
      requests.push(new Headers(init?.headers).get('last-event-id'));
      const res = await fetch(`${t.url}${String(url)}`, init);
      if (requests.length > 1 || !res.body) return res;
      const reader = res.body.getReader();
      const cut = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) return controller.close();
          controller.enqueue(value);
          if (new TextDecoder().decode(value).includes('event: timeline.added')) {
            await reader.cancel();
            dropped = true;
            controller.close();
          }
        },
      });
      return new Response(cut, { status: res.status, headers: res.headers });
    };
    const seen: LiveEvent[] = [];
    const stop = watchCaseEvents(caseId, { onEvent: (e) => seen.push(e), fetchImpl });
    await new Promise((ok) => setTimeout(ok, 300));
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Before the drop.' }));
    await waitFor(() => dropped);
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'While disconnected.' }));
    await waitFor(() => seen.length >= 2, 15_000);
    stop();
    expect(seen.map((e) => (e.data as { description: string }).description)).toEqual(['Before the drop.', 'While disconnected.']);
    expect(seen[1]!.actor.name).toBe('Amy Clarke');
    expect(requests[0]).toBeNull();
    expect(requests[1]).toBe(String(seen[0]!.seq));
  });

  it('asks for the view afresh when it was away longer than the server replays', async () => {
    const amy = await t.signIn('yjs-amy');
    const caseId = await activeCase(amy);
    configureApi(
      async () => amy.token,
      () => {},
    );
    const deps = t.system.deps;
    const events = () => deps.store.transaction((tx) => tx.caseEvents.since(caseId, 0, 10_000));
    const from = (await events()).at(-1)!.seq;
    const holder = await principal(deps, 'yjs-amy');
    for (let i = 0; i < 501; i++) await addTimelineEntry(deps, holder, caseId, entry({ description: `Entry ${i + 1}.` }));
    const fetchImpl: typeof fetch = (url, init) => fetch(`${t.url}${String(url)}`, init);
    let resyncs = 0;
    const seen: LiveEvent[] = [];
    const stop = watchCaseEvents(caseId, { lastEventId: String(from), onEvent: (e) => seen.push(e), onResync: () => (resyncs += 1), fetchImpl });
    await waitFor(() => resyncs > 0);
    stop();
    expect(seen).toEqual([]);
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((ok) => setTimeout(ok, 25));
  }
}
