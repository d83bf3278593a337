import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../src/router.js';

const CASE = '4f1c2d3e-0000-4000-8000-000000000042';

describe('the tab’s router', () => {
  it('opens a tab configured for one case on its timeline, unless the address names another place', () => {
    expect(parseRoute('', CASE)).toEqual({ view: 'case', caseId: CASE, section: 'timeline' });
    expect(parseRoute('#/', CASE)).toEqual({ view: 'case', caseId: CASE, section: 'timeline' });
    expect(parseRoute(`#/cases/${CASE}/trm`, CASE)).toEqual({ view: 'case', caseId: CASE, section: 'trm' });
    expect(parseRoute('#/refer', CASE)).toEqual({ view: 'refer' });
    expect(parseRoute('', null)).toEqual({ view: 'caseload' });
  });

  it('writes each place as the hash it reads back', () => {
    for (const hash of ['#/', '#/refer', `#/cases/${CASE}/formulation`, `#/cases/${CASE}/meetings/new?kind=formulation`]) {
      expect(hrefOf(parseRoute(hash, null))).toBe(hash);
    }
  });
});
