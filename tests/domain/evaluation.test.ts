import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/domain/agreement.js';
import type { Case } from '../../src/domain/case.js';
import { ageBand, daysInEcm, type EvaluationRecord, evaluationFigures, exportRows, measuredMeetings } from '../../src/domain/evaluation.js';
import { type ReviewMeasures, reviewMeasuresSchema } from '../../src/domain/evaluationMeasures.js';
import type { Meeting } from '../../src/domain/meeting.js';
import type { TrmPlacement } from '../../src/domain/trm.js';

const TODAY = '2027-03-01';
const MEASURES: ReviewMeasures = {
  engagement: 'engaged',
  educationTrainingEmployment: 'part_time',
  accommodation: 'stable',
  furtherOffending: 'none',
  custodyOrRemand: 'none',
};

const aCase = (overrides: Partial<Case> = {}): Case =>
  ({
    id: 'c1',
    reference: 'BRI-2026-0001',
    serviceId: 'BRI',
    childName: 'Jordan Testperson',
    childDateOfBirth: '2011-05-14',
    pathway: 'statutory_ecm',
    status: 'active',
    referredAt: '2026-06-01T10:00:00.000Z',
    closedAt: null,
    ...overrides,
  }) as Case;
const agreed = (date: string): Agreement => ({ party: 'young_person', decision: 'given', date }) as Agreement;
const held = (id: string, kind: Meeting['kind'], date: string, measures?: ReviewMeasures): Meeting =>
  ({
    id,
    kind,
    status: 'held',
    startsAt: `${date}T10:00:00.000Z`,
    outcome: {
      summary: 'Held.',
      recommendationProgress: [],
      replan: '',
      nextReviewDue: null,
      recordedBy: 'ecm-sam',
      recordedAt: `${date}T12:00:00.000Z`,
      measures,
    },
  }) as unknown as Meeting;
const placed = (level: number, effectiveDate: string, meetingId: string | null = null): TrmPlacement =>
  ({ id: `${level}-${effectiveDate}`, level, effectiveDate, meetingId, placedAt: `${effectiveDate}T15:00:00.000Z` }) as TrmPlacement;

const record = (overrides: Partial<EvaluationRecord> = {}): EvaluationRecord => ({
  case: aCase(),
  agreements: [agreed('2026-06-10')],
  meetings: [held('m1', 'formulation', '2026-07-01', { ...MEASURES, engagement: 'partly_engaged' }), held('m2', 'review', '2026-10-01', MEASURES)],
  placements: [placed(2, '2026-07-01', 'm1'), placed(3, '2026-10-01', 'm2')],
  ...overrides,
});

describe('the evaluation’s measures', () => {
  it('are answers from fixed lists: anything else is refused in the form’s words', () => {
    expect(reviewMeasuresSchema.parse(MEASURES)).toEqual(MEASURES);
    const r = reviewMeasuresSchema.safeParse({ ...MEASURES, accommodation: 'a flat in Easton', custodyOrRemand: '' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['accommodation', 'choose Stable, at risk, unstable or not known'],
      ['custodyOrRemand', 'choose Neither, remanded or in custody'],
    ]);
  });
});

describe('the evaluation figures', () => {
  it('bands a child’s age on the day of the export, never giving the date of birth', () => {
    expect(ageBand('2011-05-14', '2021-05-13')).toBe('under_10');
    expect(ageBand('2011-05-14', '2021-05-14')).toBe('10-13');
    expect(ageBand('2011-05-14', '2025-05-14')).toBe('14-15');
    expect(ageBand('2011-05-14', '2027-05-14')).toBe('16-17');
    expect(ageBand('2011-05-14', '2029-05-14')).toBe('18+');
  });

  it('counts time in ECM from the young person’s agreement to closure, or to today while open', () => {
    expect(daysInEcm(record(), TODAY)).toBe(264);
    expect(daysInEcm(record({ case: aCase({ status: 'closed', closedAt: '2026-07-10T09:00:00.000Z' }) }), TODAY)).toBe(30);
    expect(daysInEcm(record({ agreements: [] }), TODAY)).toBeNull();
  });

  it('takes the TRM level placed at each meeting, or the last one before it', () => {
    const r = record({ placements: [placed(2, '2026-06-20')] });
    expect(measuredMeetings(r).map((m) => [m.date, m.trmLevel])).toEqual([
      ['2026-07-01', 2],
      ['2026-10-01', 2],
    ]);
    expect(measuredMeetings(record()).map((m) => m.trmLevel)).toEqual([2, 3]);
  });

  it('writes one row per measured meeting under the child’s pseudonym, and one empty row for a child with none', () => {
    const rows = exportRows(record(), 'P0123456789abcdef', TODAY);
    expect(rows.map((r) => [r.pseudonym, r.measure_no, r.measure_month, r.engagement, r.trm_level, r.trm_movement, r.age_band])).toEqual([
      ['P0123456789abcdef', 1, '2026-07', 'partly_engaged', 2, 'up', '14-15'],
      ['P0123456789abcdef', 2, '2026-10', 'engaged', 3, 'up', '14-15'],
    ]);
    const none = exportRows(record({ meetings: [], placements: [] }), 'P1', TODAY);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ measure_no: null, engagement: null, trm_movement: 'none' });
  });

  it('counts children supported, their time in ECM, TRM movement and the measures by quarter, across services', () => {
    const waiting = record({ case: aCase({ id: 'c2', serviceId: 'NSO', status: 'awaiting_agreement' }), agreements: [], meetings: [], placements: [] });
    const setback = record({
      case: aCase({ id: 'c3', serviceId: 'NSO' }),
      agreements: [agreed('2026-12-20')],
      meetings: [held('m3', 'review', '2026-10-15', { ...MEASURES, engagement: 'not_engaged', furtherOffending: 'charged' })],
      placements: [placed(3, '2026-12-20'), placed(2, '2027-02-01')],
    });
    const f = evaluationFigures([record(), waiting, setback], ['BRI', 'NSO'], TODAY);
    expect(f.services).toEqual([
      { id: 'BRI', children: 1, supported: 1 },
      { id: 'NSO', children: 2, supported: 1 },
    ]);
    expect([f.children, f.supported]).toEqual([3, 2]);
    expect(f.timeInEcm).toEqual({ medianDays: 168, bands: { under_3_months: 1, '3_6_months': 0, '6_12_months': 1, over_12_months: 0 } });
    expect(f.trmMovement).toEqual({ up: 1, same: 0, setback: 1, first: 0, none: 0 });
    expect(f.overTime.map((q) => [q.quarter, q.engagement.engaged, q.engagement.partly_engaged, q.engagement.not_engaged, q.furtherOffending.charged])).toEqual(
      [
        ['2026 Q3', 0, 1, 0, 0],
        ['2026 Q4', 1, 0, 1, 1],
      ],
    );
  });
});
