import { describe, expect, it } from 'vitest';
import { normalisedName, possibleDuplicates } from '../../src/domain/duplicateReferral.js';
import { aCase } from '../ports/contract/records.js';

describe('a referral that may be a child already referred', () => {
  it('compares names without case, accents or extra spaces', () => {
    expect(normalisedName('  Zoë   Ann EXAMPLE ')).toBe('zoe ann example');
    expect(normalisedName('Siân Ó Briain')).toBe(normalisedName('sian o briain'));
    expect(normalisedName('Ann-Marie Example')).not.toBe(normalisedName('Annmarie Example'));
  });

  it('matches an open case or consultation of the same service, name and date of birth only', () => {
    const open = aCase('c1', { childName: 'Zoë Example', childDateOfBirth: '2012-02-03' });
    const consultation = aCase('c2', { childName: 'zoe example', childDateOfBirth: '2012-02-03', pathway: 'consultation', status: 'referred' });
    const closed = aCase('c3', { childName: 'Zoe Example', childDateOfBirth: '2012-02-03', status: 'closed' });
    const elsewhere = aCase('c4', { childName: 'Zoe Example', childDateOfBirth: '2012-02-03', serviceId: 'NSO' });
    const other = aCase('c5', { childName: 'Zoe Examples', childDateOfBirth: '2012-02-03' });
    const found = possibleDuplicates([open, consultation, closed, elsewhere, other], {
      serviceId: 'BRI',
      childName: 'ZOE  example',
      childDateOfBirth: '2012-02-03',
    });
    expect(found.map((c) => c.id)).toEqual(['c1', 'c2']);
  });
});
