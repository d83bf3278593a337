import { describe, expect, it } from 'vitest';
import { lifeStageAt, lifeStageSpan } from '../../src/domain/lifeStage.js';

const dob = '2011-05-14';

describe('life stages derive from the date of birth', () => {
  it.each([
    ['2010-12-01', 'pregnancy'],
    ['2011-05-13', 'pregnancy'],
    ['2011-05-14', 'infancy'],
    ['2014-05-13', 'infancy'],
    ['2014-05-14', 'early_years'],
    ['2016-05-14', 'primary'],
    ['2022-05-13', 'primary'],
    ['2022-05-14', 'secondary'],
    ['2027-05-14', 'transition'],
  ])('on %s the child is in %s', (on, stage) => {
    expect(lifeStageAt(dob, on)).toBe(stage);
  });

  it('a child born on 29 February has birthdays on 1 March in other years', () => {
    expect(lifeStageAt('2012-02-29', '2015-02-28')).toBe('infancy');
    expect(lifeStageAt('2012-02-29', '2015-03-01')).toBe('early_years');
  });

  it('pregnancy spans the nine months before birth', () => {
    expect(lifeStageSpan(dob, 'pregnancy')).toEqual({ start: '2010-08-14', end: '2011-05-13' });
  });

  it('the primary years run from the fifth birthday to the day before the eleventh', () => {
    expect(lifeStageSpan(dob, 'primary')).toEqual({ start: '2016-05-14', end: '2022-05-13' });
  });

  it('stages follow one another without gaps', () => {
    const stages = ['pregnancy', 'infancy', 'early_years', 'primary', 'secondary', 'transition'] as const;
    for (let i = 1; i < stages.length; i++) {
      const before = lifeStageSpan(dob, stages[i - 1]!);
      const after = lifeStageSpan(dob, stages[i]!);
      const next = new Date(`${before.end}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(after.start).toBe(next.toISOString().slice(0, 10));
    }
  });
});
