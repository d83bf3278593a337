import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EVENT_TYPES } from '../../src/domain/caseEvents.js';
import { payloadProblems } from '../support/caseEventSchemas.js';
import { everyCaseEvent } from '../support/everyCaseEvent.js';
import { readEvents, type SseEvent } from '../support/sse.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

describe('the case event stream keeps to the contract', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('every event type arrives on the stream with the payload its type carries, and nothing more', async () => {
    const amy = await t.signIn('yjs-amy');
    let stream: ReturnType<typeof readEvents> | null = null;
    await everyCaseEvent(t, async (caseId) => {
      stream = readEvents(await amy.raw(`/api/v1/cases/${caseId}/events`, {}));
      await stream.until((es) => es.some((e) => e.event === 'ready'));
    });
    const events: SseEvent[] = await stream!.until((es) => es.some((e) => e.event === 'case.updated'));
    const live = events.filter((e) => e.event !== 'ready');
    expect([...new Set(live.map((e) => e.event))].sort()).toEqual([...CASE_EVENT_TYPES].sort());
    for (const e of live) {
      expect(e.data.type).toBe(e.event);
      expect(e.id).toBe(String(e.data.seq));
      expect(Object.keys(e.data).sort()).toEqual(['actor', 'at', 'data', 'seq', 'type']);
    }
    expect(live.flatMap((e) => payloadProblems(e.event, e.data.data))).toEqual([]);
  });

  it('a payload with more than its type carries, or less, is caught', () => {
    const delivered = { documentId: 'd1', fileName: 'BRI-2026-0001_formulation-report.docx', libraryVersion: '1.0', webUrl: null };
    expect(payloadProblems('document.delivered', delivered)).toEqual([]);
    expect(payloadProblems('document.delivered', { ...delivered, childName: 'Jordan Test' })).not.toEqual([]);
    expect(payloadProblems('document.delivered', { documentId: 'd1' })).not.toEqual([]);
    expect(payloadProblems('timeline.deleted', {})).toEqual(['timeline.deleted is not a case event type']);
  });
});
