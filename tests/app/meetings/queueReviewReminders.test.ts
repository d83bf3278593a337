import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_KIND } from '../../../src/app/notifications/notifyJob.js';
import { queueReviewReminders } from '../../../src/app/meetings/queueReviewReminders.js';
import { startTestServer, TODAY, type TestServer } from '../../support/testSystem.js';
import { caseWithMeeting } from '../../bot/fixtures.js';

const at = (date: string) => `${date}T09:00:00.000Z`;

/**
 * A formulation meeting held on 2026-12-08 agreed the next review for 2027-02-23 (11 weeks on).
 * Reminders go 14 days before and when overdue (13 weeks after the meeting, 2027-03-09).
 */
describe('review reminders', () => {
  let t: TestServer;
  let caseId: string;
  const reminders = async () =>
    (await t.system.deps.store.transaction((tx) => tx.outbox.list({ kind: NOTIFY_KIND, caseId }, 100)))
      .filter((j) => (j.payload as { kind: string }).kind === 'review.reminder')
      .map((j) => ({ to: j.recipient, ...(j.payload as { dueDate: string; overdue: boolean }) }))
      .sort((a, b) => `${a.overdue}${a.to}`.localeCompare(`${b.overdue}${b.to}`));

  beforeAll(async () => {
    t = await startTestServer();
    const made = await caseWithMeeting(t);
    caseId = made.caseId;
    await (await t.signIn('ecm-sam')).post(`/api/v1/cases/${caseId}/team`, { staffId: 'ecm-sam', agency: 'ecm_team', caseRole: 'ecm_practitioner' });
    t.clock.set('2026-12-08T13:00:00Z');
    const held = await (
      await t.signIn('ecm-sam')
    ).post(
      `/api/v1/cases/${caseId}/meetings/${made.meetingId}/outcome`,
      { summary: 'Timeline built together.', nextReviewDue: '2027-02-23' },
      { 'If-Match': '"1"' },
    );
    if (held.status !== 200) throw new Error(JSON.stringify(held.body));
  });
  afterAll(() => {
    t.clock.set(TODAY);
    return t.close();
  });

  it('sends nothing while the review is more than 14 days away', async () => {
    t.clock.set(at('2027-02-08'));
    expect(await queueReviewReminders(t.system.deps)).toBe(0);
  });

  it('reminds the ECM practitioner and the case holder, not the partner, 14 days before, once', async () => {
    t.clock.set(at('2027-02-09'));
    expect(await queueReviewReminders(t.system.deps)).toBe(2);
    t.clock.set(at('2027-02-16'));
    expect(await queueReviewReminders(t.system.deps)).toBe(0);
    expect(await reminders()).toEqual([
      { to: 'ecm-sam', kind: 'review.reminder', caseId, dueDate: '2027-02-23', overdue: false },
      { to: 'yjs-amy', kind: 'review.reminder', caseId, dueDate: '2027-02-23', overdue: false },
    ]);
  });

  it('reminds them again, once, when the review is overdue', async () => {
    t.clock.set(at('2027-03-09'));
    expect(await queueReviewReminders(t.system.deps)).toBe(2);
    t.clock.set(at('2027-03-20'));
    expect(await queueReviewReminders(t.system.deps)).toBe(0);
    expect((await reminders()).filter((r) => r.overdue).map((r) => r.to)).toEqual(['ecm-sam', 'yjs-amy']);
  });
});

describe('review reminders when the review is already booked', () => {
  let t: TestServer;
  afterAll(() => t.close());

  it('sends no due-soon reminder', async () => {
    t = await startTestServer();
    const { caseId, meetingId } = await caseWithMeeting(t);
    t.clock.set('2026-12-08T13:00:00Z');
    const held = await (
      await t.signIn('ecm-sam')
    ).post(`/api/v1/cases/${caseId}/meetings/${meetingId}/outcome`, { summary: 'Held.', nextReviewDue: '2027-02-23' }, { 'If-Match': '"1"' });
    expect(held.status).toBe(200);
    t.clock.set(at('2027-02-01'));
    const booked = await (
      await t.signIn('ecm-sam')
    ).post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'review',
      startsAt: '2027-02-20T10:00:00Z',
      endsAt: '2027-02-20T11:00:00Z',
      attendeeIds: ['yjs-amy'],
    });
    expect(booked.status).toBe(201);
    t.clock.set(at('2027-02-12'));
    expect(await queueReviewReminders(t.system.deps)).toBe(0);
  });
});
