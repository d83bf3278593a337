import { describe, expect, it } from 'vitest';
import { turnsEighteenSoon } from '../../src/domain/turningEighteen.js';

describe('a young person turning 18 within six months', () => {
  const today = '2026-11-27';
  it('is flagged with their 18th birthday from today to six months on', () => {
    expect(turnsEighteenSoon('2008-11-27', today)).toBe('2026-11-27');
    expect(turnsEighteenSoon('2009-05-27', today)).toBe('2027-05-27');
  });
  it('is not flagged a day beyond six months, nor once 18', () => {
    expect(turnsEighteenSoon('2009-05-28', today)).toBeNull();
    expect(turnsEighteenSoon('2008-11-26', today)).toBeNull();
  });
});
