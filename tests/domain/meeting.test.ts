import { describe, expect, it } from 'vitest';
import { assertCanRecordOutcome, assertHeldWhenItCouldBe, hasStarted, heldMeetingSchema, scheduleMeetingSchema } from '../../src/domain/meeting.js';

const NOW = '2026-11-27T10:00:00.000Z';

describe('when a meeting has begun', () => {
  it('has begun once its scheduled start passes, or from the moment Teams says it started', () => {
    expect(hasStarted({ startsAt: '2026-11-27T09:00:00.000Z', startedAt: null }, NOW)).toBe(true);
    expect(hasStarted({ startsAt: '2026-11-27T10:15:00.000Z', startedAt: null }, NOW)).toBe(false);
    expect(hasStarted({ startsAt: '2026-11-27T10:15:00.000Z', startedAt: '2026-11-27T09:58:00.000Z' }, NOW)).toBe(true);
  });
  it('an outcome is refused only before the meeting has begun', () => {
    const early = { status: 'scheduled', startsAt: '2026-11-27T10:15:00.000Z' } as const;
    expect(() => assertCanRecordOutcome({ ...early, startedAt: null }, NOW)).toThrow(/once it has started/);
    expect(() => assertCanRecordOutcome({ ...early, startedAt: '2026-11-27T09:58:00.000Z' }, NOW)).not.toThrow();
  });
});

describe('a meeting recorded after the event', () => {
  const held = {
    kind: 'review',
    startsAt: '2026-11-26T10:00:00Z',
    endsAt: '2026-11-26T11:00:00Z',
    attendeeIds: ['yjs-amy'],
    status: 'held',
    outcome: { summary: 'Reviewed the plan.', nextReviewDue: '2027-02-04' },
  };
  it('carries its outcome, and a meeting being scheduled carries neither status nor outcome', () => {
    expect(heldMeetingSchema.safeParse(held).success).toBe(true);
    expect(heldMeetingSchema.safeParse({ ...held, outcome: undefined }).success).toBe(false);
    expect(scheduleMeetingSchema.safeParse(held).success).toBe(false);
  });
  it('happened: not in the future, and not before the referral', () => {
    const referred = '2026-11-01T09:00:00.000Z';
    expect(() => assertHeldWhenItCouldBe('2026-11-26T10:00:00.000Z', NOW, referred)).not.toThrow();
    expect(() => assertHeldWhenItCouldBe('2026-11-28T10:00:00.000Z', NOW, referred)).toThrow(/cannot be in the future/);
    expect(() => assertHeldWhenItCouldBe('2026-10-30T10:00:00.000Z', NOW, referred)).toThrow(/before the referral on 2026-11-01/);
  });
});
