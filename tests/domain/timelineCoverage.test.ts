import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/domain/timelineCoverage.js';

const team = [
  { agency: 'youth_justice' as const, caseRole: 'case_holder' as const },
  { agency: 'ecm_team' as const, caseRole: 'ecm_practitioner' as const },
  { agency: 'health' as const, caseRole: 'psychologist' as const },
  { agency: 'education' as const, caseRole: 'partner' as const },
  { agency: 'police' as const, caseRole: 'partner' as const },
];

describe('the jigsaw of the child’s life', () => {
  it('lists only the stages the child has lived, pregnancy first', () => {
    expect(coverageOf([], team, 'primary').lifeStages).toEqual(['pregnancy', 'infancy', 'early_years', 'primary']);
    expect(coverageOf([], team, 'pregnancy').lifeStages).toEqual(['pregnancy']);
  });

  it('draws every cell, the empty ones too, for the team’s agencies and any other agency holding entries', () => {
    const c = coverageOf([{ lifeStage: 'infancy', agency: 'social_care', entries: 2 }], team, 'infancy');
    expect(c.agencies.map((a) => a.agency)).toEqual(['youth_justice', 'ecm_team', 'social_care', 'education', 'police', 'health']);
    expect(c.agencies.find((a) => a.agency === 'social_care')).toEqual({ agency: 'social_care', onTeam: false, entries: 2 });
    expect(c.cells).toHaveLength(2 * 6);
    expect(c.cells.find((x) => x.lifeStage === 'pregnancy' && x.agency === 'social_care')?.entries).toBe(0);
  });

  it('names the agencies on the team that have brought nothing yet, and their empty stages as missing pieces', () => {
    const c = coverageOf([{ lifeStage: 'primary', agency: 'education', entries: 3 }], team, 'primary');
    expect(c.notYetContributed).toEqual(['youth_justice', 'police']);
    expect(c.gaps).toContainEqual({ lifeStage: 'early_years', agency: 'education' });
    expect(c.gaps).not.toContainEqual({ lifeStage: 'primary', agency: 'education' });
    expect(c.gaps.filter((g) => g.agency === 'police')).toHaveLength(4);
  });

  it('does not count the ECM practitioners’ or the psychologist’s agency as missing pieces: they run the meeting and write the formulation', () => {
    const c = coverageOf([], team, 'secondary');
    expect(c.notYetContributed).not.toContain('ecm_team');
    expect(c.notYetContributed).not.toContain('health');
    expect(c.gaps.some((g) => g.agency === 'health' || g.agency === 'ecm_team')).toBe(false);
  });

  it('still expects an agency that has a partner on the team even when the psychologist shares it', () => {
    const c = coverageOf([], [...team, { agency: 'health', caseRole: 'partner' }], 'infancy');
    expect(c.notYetContributed).toContain('health');
  });
});
