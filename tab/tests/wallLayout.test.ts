import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../src/api/types.js';
import { DEMO_SERVICES } from '../../src/demo/people.js';
import {
  clampWindow,
  dayOf,
  describeWindow,
  isoOf,
  MAX_ROWS,
  MIN_WINDOW_DAYS,
  neighbour,
  panWindow,
  ticks,
  visible,
  wallLayout,
  windowShowing,
  zoomWindow,
} from '../src/timeline/wall/layout.js';

const DOB = '2011-05-14';
const TODAY = '2026-11-27';
const CATEGORIES = DEMO_SERVICES[0]!.settings.categories;

let n = 0;
function entry(when: TimelineEntry['when'], span: { start: string; end: string }, more: Partial<TimelineEntry> = {}): TimelineEntry {
  n += 1;
  return {
    id: `e${n}`,
    caseId: 'c',
    when,
    span,
    lifeStage: 'primary',
    category: 'education',
    sourceAgency: 'education',
    confidence: 'confirmed',
    description: `entry ${n}`,
    contributorId: 'x',
    contributorName: 'X',
    createdAt: `2026-11-27T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-11-27T10:00:00.000Z',
    version: 1,
    retraction: null,
    restriction: null,
    ...more,
  };
}

const lay = (entries: TimelineEntry[], mode: 'agency' | 'category' | 'one' = 'agency') =>
  wallLayout(entries, { dateOfBirth: DOB, today: TODAY, mode, categories: CATEGORIES });

describe('the timeline wall’s layout', () => {
  it('runs from the pregnancy, nine months before birth, to today, with the life stages lived as bands', () => {
    const l = lay([]);
    expect(isoOf(l.domain.start)).toBe('2010-08-14');
    expect(isoOf(l.domain.end - 1)).toBe(TODAY);
    expect(l.bands.map((b) => b.stage)).toEqual(['pregnancy', 'infancy', 'early_years', 'primary', 'secondary']);
    expect(isoOf(l.bands[1]!.start)).toBe(DOB);
    // The bands meet: no day belongs to two stages, none to none.
    for (let i = 1; i < l.bands.length; i++) expect(l.bands[i]!.start).toBe(l.bands[i - 1]!.end);
    expect(l.lanes).toEqual([]);
  });

  it('draws only an exact day as a point; a month, a year, an age and a stage as the whole span they cover', () => {
    const l = lay([
      entry({ precision: 'day', date: '2019-09-03' }, { start: '2019-09-03', end: '2019-09-03' }),
      entry({ precision: 'month', month: '2019-03' }, { start: '2019-03-01', end: '2019-03-31' }),
      entry({ precision: 'year', year: 2018 }, { start: '2018-01-01', end: '2018-12-31' }),
      entry({ precision: 'age', age: 7 }, { start: '2018-05-14', end: '2019-05-13' }),
      entry({ precision: 'lifeStage', lifeStage: 'primary' }, { start: '2016-05-14', end: '2022-05-13' }),
    ]);
    const by = (p: string) => l.marks.find((m) => m.entry.when.precision === p)!;
    expect(by('day').point).toBe(true);
    expect(by('day').end - by('day').start).toBe(1);
    expect(by('month').point).toBe(false);
    expect(by('month').end - by('month').start).toBe(31);
    expect(by('year').end - by('year').start).toBe(365);
    expect([isoOf(by('age').start), isoOf(by('age').end - 1)]).toEqual(['2018-05-14', '2019-05-13']);
    expect(by('lifeStage').point).toBe(false);
    expect(by('lifeStage').end - by('lifeStage').start).toBe(dayOf('2022-05-14') - dayOf('2016-05-14'));
  });

  it('keeps the marks in life order and stacks overlapping spans in rows of their lane, so none hides another', () => {
    const l = lay([
      entry({ precision: 'year', year: 2018 }, { start: '2018-01-01', end: '2018-12-31' }),
      entry({ precision: 'lifeStage', lifeStage: 'primary' }, { start: '2016-05-14', end: '2022-05-13' }),
      entry({ precision: 'day', date: '2023-01-10' }, { start: '2023-01-10', end: '2023-01-10' }),
    ]);
    expect(l.marks.map((m) => m.entry.when.precision)).toEqual(['lifeStage', 'year', 'day']);
    expect(l.marks.map((m) => m.order)).toEqual([0, 1, 2]);
    expect(l.marks.map((m) => m.row)).toEqual([0, 1, 0]);
    expect(l.lanes[0]!.rows).toBe(2);
  });

  it('stacks at most a few rows in a lane, however many spans overlap', () => {
    const many = Array.from({ length: 40 }, () => entry({ precision: 'lifeStage', lifeStage: 'primary' }, { start: '2016-05-14', end: '2022-05-13' }));
    const l = lay(many);
    expect(l.lanes[0]!.rows).toBe(MAX_ROWS);
    expect(Math.max(...l.marks.map((m) => m.row))).toBe(MAX_ROWS - 1);
  });

  it('has a lane per agency or per category, in the service’s order, only for those with entries, and one lane for the strip', () => {
    const entries = [
      entry({ precision: 'year', year: 2018 }, { start: '2018-01-01', end: '2018-12-31' }, { sourceAgency: 'police', category: 'police_justice' }),
      entry({ precision: 'year', year: 2019 }, { start: '2019-01-01', end: '2019-12-31' }, { sourceAgency: 'health', category: 'positive_relationships' }),
      entry({ precision: 'year', year: 2020 }, { start: '2020-01-01', end: '2020-12-31' }, { sourceAgency: 'police', category: 'positive_relationships' }),
    ];
    const byAgency = lay(entries, 'agency');
    expect(byAgency.lanes.map((x) => [x.key, x.count])).toEqual([
      ['police', 2],
      ['health', 1],
    ]);
    expect(byAgency.lanes.map((x) => x.label)).toEqual(['Police', 'Health']);
    const byCategory = lay(entries, 'category');
    const order = CATEGORIES.map((c) => c.key);
    expect(byCategory.lanes.map((x) => x.key)).toEqual(['police_justice', 'positive_relationships'].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(
      byCategory.marks
        .filter((m) => m.entry.category === 'positive_relationships')
        .every((m) => m.lane === byCategory.lanes.findIndex((x) => x.key === 'positive_relationships')),
    ).toBe(true);
    expect(lay(entries, 'one').lanes.map((x) => [x.label, x.count])).toEqual([['All entries', 3]]);
  });

  it('puts a restricted entry someone may not read in a lane of its own by category, over its whole life stage', () => {
    const withheld = entry(
      { precision: 'lifeStage', lifeStage: 'infancy' },
      { start: '2011-05-14', end: '2014-05-13' },
      { category: 'restricted', sourceAgency: 'health', description: '', withheld: true },
    );
    const l = lay([withheld], 'category');
    expect(l.lanes.map((x) => x.label)).toEqual(['Restricted']);
    expect(l.marks[0]!.point).toBe(false);
    expect(lay([withheld], 'agency').lanes.map((x) => x.label)).toEqual(['Health']);
  });

  it('zooms from the whole life to a single year and no further, around the day asked, and back out to the whole life', () => {
    const { domain } = lay([]);
    let w = { ...domain };
    const around = dayOf('2019-09-03');
    for (let i = 0; i < 10; i++) w = zoomWindow(w, domain, 0.5, around);
    expect(w.end - w.start).toBe(MIN_WINDOW_DAYS);
    expect(visible({ start: around, end: around + 1 }, w)).toBe(true);
    for (let i = 0; i < 10; i++) w = zoomWindow(w, domain, 2, around);
    expect(w).toEqual(domain);
    expect(describeWindow(domain, domain)).toBe('the whole life');
    expect(describeWindow({ start: dayOf('2019-01-01'), end: dayOf('2020-01-01') }, domain)).toBe('1 year, 2019');
  });

  it('pans within the life, never before the pregnancy or after today, and moves to show a mark the keys go to', () => {
    const { domain } = lay([]);
    const year = { start: dayOf('2015-01-01'), end: dayOf('2016-01-01') };
    expect(panWindow(year, domain, -100).start).toBe(domain.start);
    expect(panWindow(year, domain, 100).end).toBe(domain.end);
    expect(panWindow(year, domain, 0.5).start).toBeCloseTo(year.start + 182.5);
    expect(clampWindow({ start: 0, end: 1 }, domain).end - clampWindow({ start: 0, end: 1 }, domain).start).toBe(MIN_WINDOW_DAYS);
    const later = { start: dayOf('2020-06-01'), end: dayOf('2020-06-02') };
    const moved = windowShowing(year, domain, later);
    expect(visible(later, moved)).toBe(true);
    expect(moved.end - moved.start).toBe(365);
    expect(windowShowing(year, domain, { start: dayOf('2015-06-01'), end: dayOf('2015-06-02') })).toBe(year);
  });

  it('steps through the marks with the arrow keys: in life order, and up and down to the nearest in time in the next lane', () => {
    const l = lay([
      entry({ precision: 'year', year: 2014 }, { start: '2014-01-01', end: '2014-12-31' }, { sourceAgency: 'police' }),
      entry({ precision: 'year', year: 2018 }, { start: '2018-01-01', end: '2018-12-31' }, { sourceAgency: 'police' }),
      entry({ precision: 'year', year: 2017 }, { start: '2017-01-01', end: '2017-12-31' }, { sourceAgency: 'health' }),
      entry({ precision: 'year', year: 2024 }, { start: '2024-01-01', end: '2024-12-31' }, { sourceAgency: 'health' }),
    ]);
    const year = (i: number) => (l.marks[i]!.entry.when as { year: number }).year;
    expect(l.marks.map((_, i) => year(i))).toEqual([2014, 2017, 2018, 2024]);
    expect(neighbour(l.marks, 0, 'next')).toBe(1);
    expect(neighbour(l.marks, 0, 'previous')).toBe(0);
    expect(neighbour(l.marks, 1, 'last')).toBe(3);
    expect(neighbour(l.marks, 3, 'first')).toBe(0);
    // 2018 (police, the first lane) down to health's nearest in time: 2017.
    expect(l.lanes.map((x) => x.key)).toEqual(['police', 'health']);
    expect(year(neighbour(l.marks, 2, 'down'))).toBe(2017);
    expect(year(neighbour(l.marks, 3, 'up'))).toBe(2018);
    expect(neighbour(l.marks, 0, 'up')).toBe(0);
  });

  it('labels the axis in years across the life and in months within a year', () => {
    const { domain } = lay([]);
    const years = ticks(domain, 1000);
    expect(years[0]!.label).toBe('2011');
    expect(years.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
    // At 300 px, fewer labels, still in whole years.
    expect(ticks(domain, 300).length).toBeLessThan(years.length);
    const one = ticks({ start: dayOf('2019-01-01'), end: dayOf('2020-01-01') }, 1000);
    expect(one.map((t) => t.label)).toEqual(['2019', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });
});
