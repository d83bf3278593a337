// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent, TimelineEntry, TimelinePage } from '../src/api/types.js';
import { useDraft } from '../src/common/drafts.js';
import { useLoad } from '../src/common/useLoad.js';
import { useCaseEvents } from '../src/live/useCaseEvents.js';
import { useLiveTimeline } from '../src/live/useTimeline.js';
import { watchCaseEvents } from '../src/live/sse.js';

/**
 * Everything the tab holds about a case (loaded answers, the live timeline, drafts, the live feed,
 * the prefetch) belongs to the case in the address: moving to another case leaves nothing of the
 * first behind, not even for one render, and a late answer about the first is dropped (issue 12 §1).
 */

/** An API whose answers the test gives, one request at a time, and whose live feeds the test writes to. */
function heldApi() {
  const waiting: { path: string; answer: (body: unknown) => void }[] = [];
  const feeds = new Map<string, ReadableStreamDefaultController<Uint8Array>>();
  const impl = (async (input: RequestInfo | URL) => {
    const path = String(input)
      .replace(/^\/api\/v1/, '')
      .split('?')[0]!;
    const feed = /^\/cases\/([^/]+)\/events$/.exec(path);
    if (feed) {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          feeds.set(decodeURIComponent(feed[1]!), c);
          c.enqueue(new TextEncoder().encode('event: ready\ndata: {}\n\n'));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    return new Promise<Response>((resolve) =>
      waiting.push({ path, answer: (body) => resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })) }),
    );
  }) as typeof fetch;
  return {
    impl,
    /** Answers the oldest request for this path (waiting for it to be asked, if need be). */
    async answer(path: string, body: unknown) {
      await vi.waitFor(() => expect(waiting.some((w) => w.path === path)).toBe(true));
      const i = waiting.findIndex((w) => w.path === path);
      const [w] = waiting.splice(i, 1);
      await act(async () => w!.answer(body));
    },
    /** Sends an event down a case's live feed (its payload as loose as the test needs: the feed is a stand-in). */
    async send(caseId: string, e: { type: LiveEvent['type']; data?: unknown }, seq = 1) {
      await vi.waitFor(() => expect(feeds.has(caseId)).toBe(true));
      const message = `id: ${seq}\nevent: ${e.type}\ndata: ${JSON.stringify({ seq, at: '2026-11-27T10:00:00Z', actor: { id: 'ecm-sam', name: 'Sam Okafor' }, ...e })}\n\n`;
      await act(async () => feeds.get(caseId)!.enqueue(new TextEncoder().encode(message)));
    },
    feeds,
  };
}

const entryOf = (caseId: string, n: number): TimelineEntry =>
  ({
    id: `${caseId}-e${n}`,
    caseId,
    version: 1,
    when: { precision: 'age', age: n },
    span: { start: `201${n}-01-01`, end: `201${n}-12-31` },
    lifeStage: 'primary',
    category: 'education',
    sourceAgency: 'education',
    confidence: 'confirmed',
    description: `Entry ${n} of ${caseId}`,
    contributorId: 'yjs-amy',
    contributorName: 'Amy Clarke',
    createdAt: '2026-11-27T09:00:00Z',
    retraction: null,
    restriction: null,
  }) as unknown as TimelineEntry;

const pageOf = (items: TimelineEntry[]): TimelinePage =>
  ({
    items,
    nextCursor: null,
    mayChange: { ownEntries: { edit: true, retract: true, restrict: true }, othersEntries: { edit: false, retract: false, restrict: false } },
  }) as unknown as TimelinePage;

let api: ReturnType<typeof heldApi>;
beforeEach(() => {
  sessionStorage.clear();
  api = heldApi();
  vi.stubGlobal('fetch', api.impl);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a loaded answer (useLoad)', () => {
  it('is never shown for another case, and an answer about the last case that arrives late is dropped', async () => {
    const renders: { caseId: string; data: string | null }[] = [];
    const { result, rerender } = renderHook(
      ({ caseId }) => {
        const loaded = useLoad(() => fetch(`/api/v1/cases/${caseId}`).then((r) => r.json() as Promise<{ id: string }>), [caseId]);
        renders.push({ caseId, data: loaded.data?.id ?? null });
        return loaded;
      },
      { initialProps: { caseId: 'A' } },
    );
    await api.answer('/cases/A', { id: 'A' });
    expect(result.current.data).toEqual({ id: 'A' });

    rerender({ caseId: 'B' });
    // In the very render that names B, A's answer is gone.
    expect(result.current.data).toBeNull();
    expect(result.current.loading).toBe(true);

    rerender({ caseId: 'C' });
    await api.answer('/cases/C', { id: 'C' });
    // B's answer comes after the page moved on to C: it is not applied.
    await api.answer('/cases/B', { id: 'B' });
    expect(result.current.data).toEqual({ id: 'C' });
    for (const r of renders) if (r.data !== null) expect(r.data).toBe(r.caseId);
  });

  it('keeps the current answer on screen while the same case reloads', async () => {
    const { result } = renderHook(() => useLoad(() => fetch('/api/v1/cases/A').then((r) => r.json() as Promise<{ v: number }>), ['A']));
    await api.answer('/cases/A', { v: 1 });
    act(() => result.current.reload());
    expect(result.current.data).toEqual({ v: 1 });
    await api.answer('/cases/A', { v: 2 });
    expect(result.current.data).toEqual({ v: 2 });
  });
});

describe('a draft (useDraft)', () => {
  it("shows each key's own draft, and never writes one case's words under another case's key", () => {
    const { result, rerender } = renderHook(({ key }) => useDraft(key, () => ({ note: '' })), { initialProps: { key: 'agreement:A' } });
    act(() => result.current.set({ note: 'About A.' }));
    rerender({ key: 'agreement:B' });
    expect(result.current.value).toEqual({ note: '' });
    expect(result.current.restored).toBe(false);
    const stored = Object.entries(sessionStorage).filter(([k]) => k.endsWith('agreement:B'));
    expect(stored).toEqual([]);

    act(() => result.current.set((v) => ({ ...v, note: 'About B.' })));
    rerender({ key: 'agreement:A' });
    expect(result.current.value).toEqual({ note: 'About A.' });
    expect(result.current.restored).toBe(true);
    rerender({ key: 'agreement:B' });
    expect(result.current.value).toEqual({ note: 'About B.' });
  });
});

describe('the live timeline (useLiveTimeline)', () => {
  it('starts each case from nothing and merges in no entry of another case: not a late load, not an event, not an entry of the wrong case', async () => {
    const renders: { caseId: string; cases: string[] }[] = [];
    const { result, rerender } = renderHook(
      ({ caseId }) => {
        const t = useLiveTimeline(caseId, 'yjs-amy');
        renders.push({ caseId, cases: t.entries.map((e) => e.caseId) });
        return t;
      },
      { initialProps: { caseId: 'A' } },
    );
    await api.answer('/cases/A/timeline', pageOf([entryOf('A', 1), entryOf('A', 2)]));
    expect(result.current.entries.map((e) => e.id)).toEqual(['A-e1', 'A-e2']);
    const feedOfA = api.feeds.get('A')!;

    rerender({ caseId: 'B' });
    expect(result.current.entries).toEqual([]);
    expect(result.current.loaded).toBe(false);

    // Move on to C before B's timeline answers; B's answer then arrives late.
    rerender({ caseId: 'C' });
    await api.answer('/cases/C/timeline', pageOf([entryOf('C', 3)]));
    await api.answer('/cases/B/timeline', pageOf([entryOf('B', 4), entryOf('B', 5)]));
    // A's feed, already stopped, still carries an event; and C's own feed carries an entry of A.
    await act(async () =>
      feedOfA.enqueue(
        new TextEncoder().encode(
          `id: 9\nevent: timeline.added\ndata: ${JSON.stringify({ seq: 9, type: 'timeline.added', at: '', actor: { id: 'x', name: 'X' }, data: entryOf('A', 6) })}\n\n`,
        ),
      ),
    );
    await api.send('C', { type: 'timeline.added', data: entryOf('A', 7) }, 10);
    await api.send('C', { type: 'timeline.added', data: entryOf('C', 8) }, 11);
    await vi.waitFor(() => expect(result.current.entries.map((e) => e.id)).toEqual(['C-e3', 'C-e8']));
    // An entry saved by a form of another case is not taken either.
    act(() => result.current.upsert(entryOf('B', 9)));
    expect(result.current.entries.map((e) => e.id)).toEqual(['C-e3', 'C-e8']);
    for (const r of renders) for (const c of r.cases) expect(c).toBe(r.caseId);
  });
});

describe('the live feed', () => {
  it('hands a view no event of the case it showed before (useCaseEvents)', async () => {
    const heard: { caseId: string; seq: number }[] = [];
    const { rerender } = renderHook(({ caseId }) => useCaseEvents(caseId, (e) => heard.push({ caseId, seq: e.seq })), { initialProps: { caseId: 'A' } });
    await api.send('A', { type: 'meeting.updated', data: {} }, 1);
    await vi.waitFor(() => expect(heard).toEqual([{ caseId: 'A', seq: 1 }]));
    const feedOfA = api.feeds.get('A')!;
    rerender({ caseId: 'B' });
    await act(async () => feedOfA.enqueue(new TextEncoder().encode('id: 2\nevent: meeting.updated\ndata: {"seq":2,"type":"meeting.updated"}\n\n')));
    await api.send('B', { type: 'meeting.updated', data: {} }, 3);
    await vi.waitFor(() =>
      expect(heard).toEqual([
        { caseId: 'A', seq: 1 },
        { caseId: 'B', seq: 3 },
      ]),
    );
  });

  it('delivers nothing more once stopped, even the rest of a chunk already read', async () => {
    const seen: number[] = [];
    const chunk = [1, 2, 3].map((seq) => `id: ${seq}\nevent: case.updated\ndata: {"seq":${seq},"type":"case.updated"}\n\n`).join('');
    const fetchImpl = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (c) => c.enqueue(new TextEncoder().encode(`event: ready\ndata: {}\n\n${chunk}`)),
        }),
        { status: 200 },
      )) as typeof fetch;
    const stop = watchCaseEvents('A', {
      fetchImpl,
      onEvent: (e) => {
        seen.push(e.seq);
        if (e.seq === 1) stop();
      },
    });
    await vi.waitFor(() => expect(seen).toEqual([1]));
    await new Promise((ok) => setTimeout(ok, 50));
    expect(seen).toEqual([1]);
  });
});

describe('the prefetch', () => {
  beforeEach(() => vi.resetModules());

  it("gives a case's prefetched answer to that case only, and forgets it once the address changes", async () => {
    window.location.hash = '#/cases/A/timeline';
    const { prefetchFor } = await import('../src/prefetch.js');
    const { caseFromPrefetch, timelineFromPrefetch } = await import('../src/prefetched.js');
    prefetchFor(window.location.hash, null);
    expect(caseFromPrefetch('B')).toBeNull();
    window.location.hash = '#/cases/B/timeline';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(caseFromPrefetch('A')).toBeNull();
    expect(timelineFromPrefetch('A')).toBeNull();
  });

  it('asks who is signed in with the case and its timeline, for the first view to take once', async () => {
    window.location.hash = '#/cases/A/timeline';
    const { prefetchFor } = await import('../src/prefetch.js');
    const { meFromPrefetch } = await import('../src/prefetched.js');
    prefetchFor(window.location.hash, null);
    const me = meFromPrefetch();
    expect(me).not.toBeNull();
    expect(meFromPrefetch()).toBeNull();
    await api.answer('/me', { staffId: 'ecm-sam' });
    await expect(me).resolves.toMatchObject({ staffId: 'ecm-sam' });
  });

  it("on the meeting stage, asks for the stage's case and its timeline at once, whatever the address", async () => {
    window.location.hash = '';
    const { prefetchFor } = await import('../src/prefetch.js');
    const { caseFromPrefetch, timelineFromPrefetch, meFromPrefetch } = await import('../src/prefetched.js');
    prefetchFor(window.location.hash, 'S', 'meetingStage');
    expect(meFromPrefetch()).not.toBeNull();
    expect(caseFromPrefetch('S')).not.toBeNull();
    expect(timelineFromPrefetch('S')).not.toBeNull();
  });

  it('asks for no case in the settings page or the side panel', async () => {
    window.location.hash = '#/cases/A/timeline';
    const { prefetchFor } = await import('../src/prefetch.js');
    const { caseFromPrefetch, timelineFromPrefetch } = await import('../src/prefetched.js');
    prefetchFor(window.location.hash, 'A', 'sidePanel');
    expect(caseFromPrefetch('A')).toBeNull();
    expect(timelineFromPrefetch('A')).toBeNull();
  });

  it('is taken once, by the case it was asked for', async () => {
    window.location.hash = '#/cases/A/timeline';
    const { prefetchFor } = await import('../src/prefetch.js');
    const { caseFromPrefetch } = await import('../src/prefetched.js');
    prefetchFor(window.location.hash, null);
    const first = caseFromPrefetch('A');
    expect(first).not.toBeNull();
    expect(caseFromPrefetch('A')).toBeNull();
    await api.answer('/cases/A', { id: 'A' });
    await expect(first).resolves.toMatchObject({ body: { id: 'A' } });
  });
});
