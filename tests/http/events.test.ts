import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('nobody outside the case can watch it', async () => {
    const dan = await t.signIn('yjs-dan');
    const res = await dan.raw(`/api/v1/cases/${caseId}/events`, {});
    expect(res.status).toBe(404);
    const jo = await t.signIn('police-jo');
    expect((await jo.raw(`/api/v1/cases/${caseId}/events`, {})).status).toBe(404);
  });
});
