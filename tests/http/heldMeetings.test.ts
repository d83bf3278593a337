import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markMeetingStarted } from '../../src/app/meetings/meetingChatEvents.js';
import { addDays } from '../../src/domain/dates.js';
import { todayIn } from '../../src/ports/clock.js';
import { activeCase } from '../support/factories.js';
import { type Api, startTestServer, type TestServer } from '../support/testSystem.js';

const HOUR = 3_600_000;

describe('meetings as they really happen', () => {
  let t: TestServer;
  let amy: Api;
  let sam: Api;
  let caseId: string;
  let referredAt: string;
  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const yesterday = () => addDays(todayIn(t.clock), -1);
  const heldYesterday = (overrides: Record<string, unknown> = {}) => ({
    kind: 'review',
    startsAt: `${yesterday()}T10:00:00.000Z`,
    endsAt: `${yesterday()}T11:00:00.000Z`,
    attendeeIds: ['yjs-amy'],
    status: 'held',
    outcome: { summary: 'Reviewed the plan with the team around the child.', nextReviewDue: addDays(yesterday(), 70) },
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestServer();
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
    caseId = await activeCase(amy);
    referredAt = (await sam.get(`/api/v1/cases/${caseId}`)).body.referredAt;
    // The team has worked with the child for ten days; moving the clock ends sessions, so sign in again.
    t.clock.set(new Date(Date.parse(referredAt) + 10 * 86_400_000).toISOString());
    amy = await t.signIn('yjs-amy');
    sam = await t.signIn('ecm-sam');
  });
  afterAll(() => t.close());
  const url = () => `/api/v1/cases/${caseId}/meetings`;

  it('a past start is refused for a meeting being scheduled, beside its start', async () => {
    const { status: _held, outcome: _outcome, ...asScheduled } = heldYesterday();
    const res = await sam.post(url(), asScheduled);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'startsAt', message: 'has already passed: choose a day and time later than now' }]);
  });

  it('a meeting held yesterday is recorded after the event, with its real date and its outcome at once', async () => {
    const jobs = () => t.system.deps.store.transaction((tx) => tx.outbox.list({ caseId }, 200));
    const before = (await jobs()).map((j) => j.id);
    const res = await sam.post(url(), heldYesterday());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'held', startsAt: `${yesterday()}T10:00:00.000Z`, joinUrl: null });
    expect(res.body.outcome).toMatchObject({ summary: 'Reviewed the plan with the team around the child.', recordedBy: 'ecm-sam' });
    expect(res.body.attendees).toEqual([{ staffId: 'yjs-amy', name: 'Amy Clarke', response: 'none', respondedAt: null }]);
    expect((await amy.get(`/api/v1/cases/${caseId}`)).body.review.nextReviewDue).toBe(addDays(yesterday(), 70));
    // Nothing to invite anyone to: no calendar or invitation goes out for it.
    const queued = (await jobs()).filter((j) => !before.includes(j.id)).map((j) => j.kind);
    expect(queued.filter((k) => k === 'calendar.sync' || k === 'notify')).toEqual([]);
    // A review still closes with its record in the library.
    expect(queued).toContain('documents.prepare');
  });

  it('refuses a meeting recorded as held with a date in the future, and nothing is stored', async () => {
    const before = (await sam.get(url())).body.items.length;
    const res = await sam.post(url(), heldYesterday({ startsAt: at(2 * HOUR), endsAt: at(3 * HOUR) }));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('A meeting recorded as held has already happened: its start cannot be in the future.');
    expect((await sam.get(url())).body.items).toHaveLength(before);
  });

  it('refuses a meeting recorded as held before the referral, and nothing is stored', async () => {
    const before = (await sam.get(url())).body.items.length;
    const day = addDays(referredAt.slice(0, 10), -3);
    const res = await sam.post(url(), heldYesterday({ startsAt: `${day}T10:00:00.000Z`, endsAt: `${day}T11:00:00.000Z` }));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(`A meeting recorded as held cannot start before the referral on ${referredAt.slice(0, 10)}.`);
    expect((await sam.get(url())).body.items).toHaveLength(before);
  });

  it('refuses a held meeting without its outcome, or with people not on the team', async () => {
    expect((await sam.post(url(), heldYesterday({ outcome: undefined }))).status).toBe(400);
    expect((await sam.post(url(), heldYesterday({ attendeeIds: ['police-jo'] }))).status).toBe(422);
  });

  it('only those who record outcomes may record a meeting after the event', async () => {
    expect((await amy.post(url(), heldYesterday())).status).toBe(403);
  });

  it('an outcome can be recorded from the moment the meeting starts in Teams, before its scheduled start', async () => {
    const scheduled = await sam.post(url(), { kind: 'consultation', startsAt: at(HOUR), endsAt: at(2 * HOUR), attendeeIds: ['yjs-amy'] });
    expect(scheduled.status).toBe(201);
    const m = scheduled.body;
    const outcome = { summary: 'Agreed the next steps.', nextReviewDue: null };
    expect((await sam.post(`${url()}/${m.id}/outcome`, outcome, { 'if-match': `"${m.version}"` })).status).toBe(422);
    // People joined early: Teams says the meeting started, a quarter of an hour before its time.
    const chatId = '19:meeting_early@thread.v2';
    await t.system.deps.store.transaction(async (tx) => {
      const stored = (await tx.meetings.get(caseId, m.id))!;
      await tx.meetings.update({ ...stored, chatId }, stored.version);
    });
    expect((await markMeetingStarted(t.system.deps, { chatId, at: at(-60_000) })).outcome).toBe('recorded');
    const held = await sam.post(`${url()}/${m.id}/outcome`, outcome, { 'if-match': `"${m.version}"` });
    expect(held.status).toBe(200);
    expect(held.body.status).toBe('held');
  });
});
