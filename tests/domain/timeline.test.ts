import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { defaultSettings } from '../../src/domain/service.js';
import { checkEntry, compareLifeOrder, type EntryWhen, lifeStageOf, spanOf, timelineEntryInputSchema } from '../../src/domain/timeline.js';

const dob = '2011-05-14';
const today = '2026-11-27';
const settings = defaultSettings();
const input = (when: EntryWhen, category = 'education') => ({
  when,
  category,
  sourceAgency: 'education' as const,
  confidence: 'reported' as const,
  description: 'x',
});

describe('a timeline entry is placed by how precisely its time is known', () => {
  it('an exact day spans that day', () => {
    expect(spanOf({ precision: 'day', date: '2018-03-09' }, dob)).toEqual({ start: '2018-03-09', end: '2018-03-09' });
  });
  it('a month spans the month, including leap February', () => {
    expect(spanOf({ precision: 'month', month: '2016-02' }, dob)).toEqual({ start: '2016-02-01', end: '2016-02-29' });
  });
  it('a year spans the calendar year', () => {
    expect(spanOf({ precision: 'year', year: 2019 }, dob)).toEqual({ start: '2019-01-01', end: '2019-12-31' });
  });
  it('"age 7" spans the child’s eighth year of life', () => {
    expect(spanOf({ precision: 'age', age: 7 }, dob)).toEqual({ start: '2018-05-14', end: '2019-05-13' });
  });
  it('"primary school years" spans the whole stage', () => {
    expect(spanOf({ precision: 'lifeStage', lifeStage: 'primary' }, dob)).toEqual({ start: '2016-05-14', end: '2022-05-13' });
  });
  it('a year that straddles two stages belongs to the stage at its middle', () => {
    expect(lifeStageOf({ precision: 'year', year: 2016 }, dob)).toBe('primary');
    expect(lifeStageOf({ precision: 'year', year: 2011 }, dob)).toBe('infancy');
  });
  it('an age belongs to the stage of that birthday', () => {
    expect(lifeStageOf({ precision: 'age', age: 4 }, dob)).toBe('early_years');
    expect(lifeStageOf({ precision: 'age', age: 11 }, dob)).toBe('secondary');
  });
});

describe('what an entry may say', () => {
  it('refuses a date in the future', () => {
    expect(() => checkEntry(input({ precision: 'day', date: '2026-12-01' }), dob, today, settings)).toThrow(DomainError);
  });
  it('refuses an age the child has not reached', () => {
    expect(() => checkEntry(input({ precision: 'age', age: 16 }), dob, today, settings)).toThrow(/not reached that age/);
  });
  it('accepts family history before the pregnancy, but not generations before', () => {
    expect(checkEntry(input({ precision: 'year', year: 2005 }, 'home_family'), dob, today, settings).start).toBe('2005-01-01');
    expect(() => checkEntry(input({ precision: 'year', year: 1980 }, 'home_family'), dob, today, settings)).toThrow(/twenty years/);
  });
  it('refuses a category the service does not use', () => {
    expect(() => checkEntry(input({ precision: 'age', age: 3 }, 'gossip'), dob, today, settings)).toThrow(/not one of this service/);
  });
  it('refuses markup and unknown fields at the edge', () => {
    const base = input({ precision: 'age', age: 3 });
    expect(timelineEntryInputSchema.safeParse({ ...base, description: '<script>alert(1)</script>' }).success).toBe(false);
    expect(timelineEntryInputSchema.safeParse({ ...base, description: 'Said "I hate school" & ran off' }).success).toBe(true);
    expect(timelineEntryInputSchema.safeParse({ ...base, opinion: 'attention seeking' }).success).toBe(false);
  });
  it('refuses an impossible date', () => {
    expect(timelineEntryInputSchema.safeParse(input({ precision: 'day', date: '2015-02-30' })).success).toBe(false);
  });
});

describe('life order', () => {
  const e = (start: string, end: string, createdAt = '2026-01-01T00:00:00Z', id = 'a') => ({ span: { start, end }, createdAt, id });
  it('puts the earlier start first, then the more precise of two that start together', () => {
    const sorted = [e('2018-05-14', '2019-05-13', 't', 'age'), e('2018-05-14', '2018-05-14', 't', 'day'), e('2010-08-14', '2011-05-13', 't', 'preg')].sort(
      compareLifeOrder,
    );
    expect(sorted.map((x) => x.id)).toEqual(['preg', 'day', 'age']);
  });
});
