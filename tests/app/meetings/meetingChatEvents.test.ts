import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markMeetingEnded, markMeetingStarted } from '../../../src/app/meetings/meetingChatEvents.js';
import { DomainError } from '../../../src/domain/errors.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';
import { caseWithMeetingChat, meetingChatId } from '../../bot/fixtures.js';

/** What Teams says in a case meeting's chat, recorded on the meeting by the system. */
describe('hearing a case meeting start and end in Teams', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const meetingOf = (caseId: string, meetingId: string) => t.system.deps.store.transaction((tx) => tx.meetings.get(caseId, meetingId));
  /** Every audit chain's length, the system's own included: nothing may be written anywhere. */
  const auditCount = () =>
    t.system.deps.store.transaction(async (tx) => {
      let n = 0;
      for (const chain of await tx.audit.chains()) n += (await tx.audit.head(chain))?.seq ?? 0;
      return n;
    });

  it('finds the meeting by its chat and records when it started and ended, naming the case by reference', async () => {
    const { caseId, meetingId, reference } = await caseWithMeetingChat(t, meetingChatId(11));
    const started = await markMeetingStarted(t.system.deps, { chatId: meetingChatId(11), at: '2026-12-08T10:02:00+00:00' });
    expect(started).toEqual({ outcome: 'recorded', meeting: { caseId, reference, meetingId, kind: 'formulation', outcomeRecorded: false } });
    const ended = await markMeetingEnded(t.system.deps, { chatId: meetingChatId(11), at: '2026-12-08T11:58:00Z' });
    expect(ended.outcome).toBe('recorded');
    expect(await meetingOf(caseId, meetingId)).toMatchObject({
      startedAt: '2026-12-08T10:02:00.000Z',
      endedAt: '2026-12-08T11:58:00.000Z',
      status: 'scheduled',
    });
  });

  it('a repeated event records nothing more', async () => {
    const { caseId, meetingId } = await caseWithMeetingChat(t, meetingChatId(12));
    await markMeetingEnded(t.system.deps, { chatId: meetingChatId(12), at: '2026-12-08T11:58:00Z' });
    const once = await meetingOf(caseId, meetingId);
    const audited = await auditCount();
    expect(await markMeetingEnded(t.system.deps, { chatId: meetingChatId(12), at: '2026-12-08T12:05:00Z' })).toEqual({ outcome: 'nothing_to_do' });
    expect(await meetingOf(caseId, meetingId)).toEqual(once);
    expect(await auditCount()).toBe(audited);
  });

  it('a chat that holds no ECM meeting is not one of ours, and leaves no trace', async () => {
    const audited = await auditCount();
    expect(await markMeetingStarted(t.system.deps, { chatId: '19:meeting_not-ours@thread.v2', at: '2026-12-08T10:00:00Z' })).toEqual({
      outcome: 'unknown_chat',
    });
    expect(await auditCount()).toBe(audited);
  });

  it('a cancelled meeting is not marked as held', async () => {
    const { caseId, meetingId } = await caseWithMeetingChat(t, meetingChatId(13));
    const sam = await t.signIn('ecm-sam');
    const version = (await meetingOf(caseId, meetingId))!.version;
    expect((await sam.post(`/api/v1/cases/${caseId}/meetings/${meetingId}/cancellation`, undefined, { 'if-match': `"${version}"` })).status).toBe(200);
    expect(await markMeetingEnded(t.system.deps, { chatId: meetingChatId(13), at: '2026-12-08T11:58:00Z' })).toEqual({ outcome: 'nothing_to_do' });
    expect((await meetingOf(caseId, meetingId))?.endedAt).toBeNull();
  });

  it('an event without its chat or a time is refused and changes nothing', async () => {
    const { caseId, meetingId } = await caseWithMeetingChat(t, meetingChatId(14));
    const before = await meetingOf(caseId, meetingId);
    for (const bad of [{ at: '2026-12-08T10:00:00Z' }, { chatId: meetingChatId(14), at: '' }, { chatId: meetingChatId(14), at: '2026-12-08', extra: 1 }]) {
      await expect(markMeetingStarted(t.system.deps, bad)).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'validation_failed');
    }
    expect(await meetingOf(caseId, meetingId)).toEqual(before);
  });
});
