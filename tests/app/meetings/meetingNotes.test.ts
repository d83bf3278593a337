import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithMeeting } from '../../bot/fixtures.js';
import { auditTrail, type Api, startTestServer, TODAY, type TestServer } from '../../support/testSystem.js';

/** The formulation meeting of caseWithMeeting starts at 2026-12-08 10:00; Sam Okafor arranged it. */
describe('short factual notes of a meeting', () => {
  let t: TestServer;
  let sam: Api;
  let caseId: string;
  let notesUrl: string;

  beforeAll(async () => {
    t = await startTestServer();
    const made = await caseWithMeeting(t);
    caseId = made.caseId;
    notesUrl = `/api/v1/cases/${caseId}/meetings/${made.meetingId}/notes`;
    sam = await t.signIn('ecm-sam');
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
  });
  afterAll(() => {
    t.clock.set(TODAY);
    return t.close();
  });

  it('are written once the meeting has started, not before', async () => {
    const early = await sam.post(notesUrl, { kind: 'decision', text: 'Key worker meets him weekly.' });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe('Notes are written once the meeting has started.');
    expect((await sam.get(notesUrl)).body.items).toEqual([]);
  });

  it('a decision and an agreed action are kept as written, in order, audited and live on the case stream', async () => {
    t.clock.set('2026-12-08T10:30:00Z');
    // Sessions end with the clock's jump: sign in again at the meeting.
    sam = await t.signIn('ecm-sam');
    const decided = await sam.post(notesUrl, { kind: 'decision', text: '  The key worker stays the same until the review.  ' });
    expect(decided.status).toBe(201);
    t.clock.set('2026-12-08T10:40:00Z');
    const agreed = await sam.post(notesUrl, { kind: 'agreed_action', text: 'Amy asks the school for a quiet room.' });
    expect(agreed.status).toBe(201);

    const listed = await (await t.signIn('yjs-amy')).get(notesUrl);
    expect(listed.body.items.map((n: { kind: string; text: string; writtenByName: string }) => [n.kind, n.text, n.writtenByName])).toEqual([
      ['decision', 'The key worker stays the same until the review.', 'Sam Okafor'],
      ['agreed_action', 'Amy asks the school for a quiet room.', 'Sam Okafor'],
    ]);
    const trail = await auditTrail(t);
    expect(trail.filter((e) => e.action === 'meeting.note.added')).toHaveLength(2);
    expect(trail.some((e) => e.action === 'meeting.notes.read' && e.actorId === 'yjs-amy')).toBe(true);
    const events = await t.system.deps.store.transaction((tx) => tx.caseEvents.since(caseId, 0, 1000));
    expect(events.at(-1)?.type).toBe('meeting.updated');
  });

  it('refuses bad input with the problem named by field, and stores nothing', async () => {
    for (const body of [
      { kind: 'decision', text: '   ' },
      { kind: 'decision', text: 'See <b>this</b>' },
      { kind: 'decision', text: 'x'.repeat(1001) },
      { kind: 'gossip', text: 'A fact.' },
      { kind: 'decision', text: 'A fact.', extra: true },
    ]) {
      const res = await sam.post(notesUrl, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    const res = await sam.post(notesUrl, { kind: 'decision', text: 'See <b>this</b>' });
    expect(res.body.error.details).toEqual([{ path: 'text', message: 'must be plain text: markup such as <tags> is not allowed' }]);
    expect((await sam.get(notesUrl)).body.items).toHaveLength(2);
  });

  it('are written only by those who record the outcome, and read by the rest of the team', async () => {
    const amy = await t.signIn('yjs-amy');
    expect((await amy.post(notesUrl, { kind: 'note', text: 'Mine too.' })).status).toBe(403);
    expect((await amy.get(notesUrl)).body.items).toHaveLength(2);
  });

  it('are neither read nor written by someone outside the case', async () => {
    const dan = await t.signIn('yjs-dan');
    expect((await dan.get(notesUrl)).status).toBe(404);
    expect((await dan.post(notesUrl, { kind: 'note', text: 'Nosy.' })).status).toBe(404);
    expect((await sam.get(notesUrl)).body.items).toHaveLength(2);
  });
});
