import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../src/api/types.js';
import { describeWhen, lanesOf, MIN_WIDTH, placeInLane, rowsOf } from '../src/timeline/layout.js';

const DOB = '2011-05-14';
const TODAY = '2026-11-27';

const entry = (id: string, when: TimelineEntry['when'], span: { start: string; end: string }, lifeStage: TimelineEntry['lifeStage']): TimelineEntry => ({
  id,
  caseId: 'c',
  when,
  span,
  lifeStage,
  category: 'education',
  sourceAgency: 'education',
  confidence: 'confirmed',
  description: id,
  contributorId: 'x',
  contributorName: 'X',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  version: 1,
  retraction: null,
  restriction: null,
});

describe('the life timeline layout', () => {
  it('has a lane for every stage lived, from the pregnancy to today, the last ending today', () => {
    const lanes = lanesOf(DOB, TODAY);
    // Fifteen today: transition (16+) is still to come.
    expect(lanes.map((l) => l.stage)).toEqual(['pregnancy', 'infancy', 'early_years', 'primary', 'secondary']);
    expect(lanes[0]!.span.end).toBe('2011-05-13');
    expect(lanes.at(-1)!.span.end).toBe(TODAY);
    expect(lanesOf(DOB, '2015-01-01').map((l) => l.stage)).toEqual(['pregnancy', 'infancy', 'early_years']);
  });

  it('places an "age 7" entry across its whole year and a stage-only entry across the lane', () => {
    const primary = lanesOf(DOB, TODAY).find((l) => l.stage === 'primary')!;
    const age7 = placeInLane({ start: '2018-05-14', end: '2019-05-13' }, primary.span);
    expect(age7.left).toBeCloseTo(33.3, 0);
    expect(age7.width).toBeCloseTo(16.7, 0);
    expect(placeInLane(primary.span, primary.span)).toEqual({ left: 0, width: 100 });
  });

  it('draws an exact date as a narrow tick that stays visible', () => {
    const primary = lanesOf(DOB, TODAY).find((l) => l.stage === 'primary')!;
    const day = placeInLane({ start: '2017-09-03', end: '2017-09-03' }, primary.span);
    expect(day.width).toBe(MIN_WIDTH);
    expect(day.left).toBeGreaterThan(0);
  });

  it('lists lanes with their entries in life order, and keeps empty lanes', () => {
    const rows = rowsOf(
      [
        entry('later', { precision: 'age', age: 7 }, { start: '2018-05-14', end: '2019-05-13' }, 'primary'),
        entry('earlier', { precision: 'day', date: '2017-09-03' }, { start: '2017-09-03', end: '2017-09-03' }, 'primary'),
        entry('birth', { precision: 'lifeStage', lifeStage: 'pregnancy' }, { start: '2010-08-14', end: '2011-05-13' }, 'pregnancy'),
      ],
      DOB,
      TODAY,
    );
    expect(rows.map((r) => (r.kind === 'lane' ? `[${r.lane.stage}:${r.count}]` : r.entry.id))).toEqual([
      '[pregnancy:1]',
      'birth',
      '[infancy:0]',
      '[early_years:0]',
      '[primary:2]',
      'earlier',
      'later',
      '[secondary:0]',
    ]);
  });

  it('says how precisely each time is known', () => {
    expect(describeWhen({ precision: 'day', date: '2017-09-03' })).toEqual({ text: '3 Sep 2017', precision: 'exact date' });
    expect(describeWhen({ precision: 'month', month: '2014-03' }).text).toBe('Mar 2014');
    expect(describeWhen({ precision: 'age', age: 7 })).toEqual({ text: 'Age 7', precision: 'age known' });
    expect(describeWhen({ precision: 'lifeStage', lifeStage: 'primary' }).text).toBe('Primary school years (5–10)');
  });
});
