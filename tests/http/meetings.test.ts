import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

describe('meetings and reviews', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    caseId = await activeCase(amy);
    await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
  });
  afterAll(() => t.close());

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    kind: 'formulation',
    startsAt: '2026-12-03T10:00:00Z',
    endsAt: '2026-12-03T12:00:00Z',
    attendeeIds: ['ecm-sam', 'yjs-amy'],
    location: 'Teams',
    ...overrides,
  });

  it('only people on the case team can be invited', async () => {
    const res = await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting({ attendeeIds: ['ecm-sam', 'police-jo'] }));
    expect(res.status).toBe(422);
    expect(res.body.error.details.notOnTeam).toEqual(['police-jo']);
  });

  it('a meeting is scheduled in the future, with an .ics invitation naming the case by reference only', async () => {
    const past = await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting({ startsAt: '2026-11-01T10:00:00Z', endsAt: '2026-11-01T11:00:00Z' }));
    expect(past.status).toBe(400);
    expect(past.body.error.details).toEqual([{ path: 'startsAt', message: 'has already passed: choose a day and time later than now' }]);
    const scheduled = await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting());
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.attendees.find((a: any) => a.staffId === 'ecm-sam').response).toBe('accepted');
    const ics = await amy.raw(`/api/v1/cases/${caseId}/meetings/${scheduled.body.id}/invitation.ics`, {});
    const text = await ics.text();
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toMatch(/SUMMARY:ECM formulation meeting – BRI-2026-\d{4}/);
    expect(text).not.toContain('Jordan');
  });

  it('attendees answer for themselves', async () => {
    const m = (await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items[0];
    const answered = await amy.post(`/api/v1/cases/${caseId}/meetings/${m.id}/response`, { response: 'accepted' });
    expect(answered.body.attendees.find((a: any) => a.staffId === 'yjs-amy').response).toBe('accepted');
    expect((await amy.post(`/api/v1/cases/${caseId}/meetings/${m.id}/response`, { response: 'maybe' })).status).toBe(400);
  });

  it('the outcome is recorded once the meeting has started, with the next review 8–12 weeks on', async () => {
    const m = (await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items[0];
    const outcome = { summary: 'Timeline built together.', nextReviewDue: '2027-02-25', replan: '' };
    expect((await sam.post(`/api/v1/cases/${caseId}/meetings/${m.id}/outcome`, outcome, { 'if-match': `"${m.version}"` })).status).toBe(422);
    // Moving the clock ends sessions, so each jump signs in again.
    const at = async (instant: string) => {
      t.clock.set(instant);
      sam = await t.signIn('ecm-sam');
      amy = await t.signIn('yjs-amy');
    };
    await at('2026-12-03T12:30:00Z');
    try {
      const early = await sam.post(
        `/api/v1/cases/${caseId}/meetings/${m.id}/outcome`,
        { ...outcome, nextReviewDue: '2027-01-05' },
        { 'if-match': `"${m.version}"` },
      );
      expect(early.status).toBe(422);
      expect(early.body.error.message).toMatch(/between 2027-01-28 and 2027-02-25/);
      const held = await sam.post(`/api/v1/cases/${caseId}/meetings/${m.id}/outcome`, outcome, { 'if-match': `"${m.version}"` });
      expect(held.status).toBe(200);
      expect(held.body.status).toBe('held');
      const view = await amy.get(`/api/v1/cases/${caseId}`);
      expect(view.body.review).toMatchObject({ nextReviewDue: '2027-02-25', state: 'not_due' });
      await at('2027-02-15T09:00:00Z');
      expect((await sam.get(`/api/v1/cases/${caseId}`)).body.review.state).toBe('due_soon');
      await at('2027-03-05T09:00:00Z');
      expect((await sam.get(`/api/v1/cases/${caseId}`)).body.review.state).toBe('overdue');
    } finally {
      await at('2026-11-27T10:00:00.000Z');
    }
  });

  it('a scheduled meeting can be cancelled; a held one cannot', async () => {
    const next = await sam.post(
      `/api/v1/cases/${caseId}/meetings`,
      meeting({ kind: 'review', startsAt: '2027-02-20T10:00:00Z', endsAt: '2027-02-20T11:00:00Z' }),
    );
    const cancelled = await sam.post(`/api/v1/cases/${caseId}/meetings/${next.body.id}/cancellation`, undefined, { 'if-match': '"1"' });
    expect(cancelled.body.status).toBe('cancelled');
    const held = (await sam.get(`/api/v1/cases/${caseId}/meetings`)).body.items.find((m: any) => m.status === 'held');
    expect((await sam.post(`/api/v1/cases/${caseId}/meetings/${held.id}/cancellation`, undefined, { 'if-match': `"${held.version}"` })).status).toBe(422);
  });

  it('the calendar gets the meeting through the outbox', async () => {
    const delivered = await t.system.worker.runOnce();
    expect(delivered).toBeGreaterThan(0);
    const jobs = await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: 'calendar.sync', caseId }, 50));
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });

  it('a case is closed with a reason, and then takes no new work', async () => {
    const view = await sam.get(`/api/v1/cases/${caseId}`);
    expect((await amy.post(`/api/v1/cases/${caseId}/closure`, { reason: 'completed' }, { 'if-match': `"${view.body.version}"` })).status).toBe(403);
    const closed = await sam.post(
      `/api/v1/cases/${caseId}/closure`,
      { reason: 'completed', note: 'Order completed.' },
      { 'if-match': `"${view.body.version}"` },
    );
    expect(closed.body.status).toBe('closed');
    expect((await sam.post(`/api/v1/cases/${caseId}/meetings`, meeting({ kind: 'review' }))).status).toBe(422);
  });
});
