import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureApi } from '../src/api/client.js';
import type { LiveEvent } from '../src/api/types.js';
import { watchCaseEvents } from '../src/live/sse.js';
import { CASE_EVENT_TYPES } from '../../src/domain/caseEvents.js';
import { payloadProblems } from '../../tests/support/caseEventSchemas.js';
import { everyCaseEvent } from '../../tests/support/everyCaseEvent.js';
import { startTestServer, type TestServer } from '../../tests/support/testSystem.js';

describe('what the tab receives from a case’s live feed', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('is every case event type, each with the payload the contract gives its type', async () => {
    const amy = await t.signIn('yjs-amy');
    configureApi(
      async () => amy.token,
      () => {},
    );
    const fetchImpl: typeof fetch = (url, init) => fetch(`${t.url}${String(url)}`, init);
    const seen: LiveEvent[] = [];
    let stop = () => {};
    await everyCaseEvent(t, async (caseId) => {
      let ready = false;
      stop = watchCaseEvents(caseId, { onEvent: (e) => seen.push(e), onState: (s) => (ready ||= s === 'live'), fetchImpl });
      await waitFor(() => ready);
    });
    await waitFor(() => seen.some((e) => e.type === 'case.updated'), 30_000);
    stop();
    expect([...new Set(seen.map((e) => e.type))].sort()).toEqual([...CASE_EVENT_TYPES].sort());
    expect(seen.flatMap((e) => payloadProblems(e.type, e.data))).toEqual([]);
    // Read by its type, a payload needs no cast: a timeline event carries the entry itself.
    const entry = seen.find((e) => e.type === 'timeline.added');
    expect(entry?.type === 'timeline.added' && entry.data.description).toBe('Moved primary school after the family was rehoused.');
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((ok) => setTimeout(ok, 25));
  }
}
