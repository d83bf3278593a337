import { describe, expect, it } from 'vitest';
import { assertNextReviewInWindow, reminderRecipients, reviewStatus, reviewWindow } from '../../src/domain/reviewCadence.js';
import { DEFAULT_REVIEW_CADENCE } from '../../src/domain/service.js';

const cadence = DEFAULT_REVIEW_CADENCE;

describe('review cadence', () => {
  it('a review falls 8 to 12 weeks after the last formulation or review, overdue after 13', () => {
    expect(reviewWindow('2026-09-01', cadence)).toEqual({ earliest: '2026-10-27', due: '2026-11-24', overdueFrom: '2026-12-01' });
  });
  it('is due soon within 14 days of the due date', () => {
    expect(reviewStatus('2026-09-01', null, '2026-11-10', cadence).state).toBe('due_soon');
    expect(reviewStatus('2026-09-01', null, '2026-11-09', cadence).state).toBe('not_due');
  });
  it('is due from the due date until it becomes overdue', () => {
    expect(reviewStatus('2026-09-01', null, '2026-11-24', cadence).state).toBe('due');
    expect(reviewStatus('2026-09-01', null, '2026-11-30', cadence).state).toBe('due');
    expect(reviewStatus('2026-09-01', null, '2026-12-01', cadence).state).toBe('overdue');
  });
  it('a date agreed at the meeting sets the due date', () => {
    const s = reviewStatus('2026-09-01', '2026-11-03', '2026-10-25', cadence);
    expect(s.nextReviewDue).toBe('2026-11-03');
    expect(s.state).toBe('due_soon');
  });
  it('a next review date outside 8–12 weeks is refused', () => {
    expect(() => assertNextReviewInWindow('2026-09-01', '2026-10-20', cadence)).toThrow(/between 2026-10-27 and 2026-11-24/);
    expect(() => assertNextReviewInWindow('2026-09-01', '2026-11-25', cadence)).toThrow();
    expect(() => assertNextReviewInWindow('2026-09-01', '2026-11-24', cadence)).not.toThrow();
  });
  it('the cadence is configurable per service', () => {
    expect(reviewWindow('2026-09-01', { earliestWeeks: 4, dueWeeks: 6, overdueWeeks: 8 }).due).toBe('2026-10-13');
  });
});

describe('who is reminded of a review', () => {
  const member = (staffId: string, caseRole: 'ecm_practitioner' | 'partner' | 'psychologist' | 'case_holder') => ({ staffId, caseRole });
  it('the ECM practitioners on the team and the case holder, not partners or the psychologist', () => {
    const team = [member('ecm-sam', 'ecm_practitioner'), member('police-jo', 'partner'), member('psy-helen', 'psychologist'), member('yjs-amy', 'case_holder')];
    expect(reminderRecipients(team, 'yjs-amy')).toEqual(['ecm-sam', 'yjs-amy']);
  });
  it('each once, even when the case holder is also on the team as an ECM practitioner', () => {
    expect(reminderRecipients([member('ecm-sam', 'ecm_practitioner')], 'ecm-sam')).toEqual(['ecm-sam']);
  });
});
