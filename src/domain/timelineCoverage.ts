import { LIFE_STAGES, type LifeStage } from './lifeStage.js';
import { AGENCIES, type Agency } from './staff.js';
import type { CaseRole } from './team.js';

/** How many live entries one agency holds for one stage of the child's life. */
export interface CoverageCount {
  lifeStage: LifeStage;
  agency: Agency;
  entries: number;
}

/**
 * The jigsaw of the child's life: which agency holds which pieces, and where the pieces are
 * missing. Agencies hold sections of the picture; the formulation meeting is often the first time
 * they are put together, so the gaps are shown as such, not hidden.
 */
export interface TimelineCoverage {
  /** The stages the child has lived so far, pregnancy first: later stages cannot hold anything yet. */
  lifeStages: LifeStage[];
  /** The team's agencies, then any other agency whose entries are on the timeline, in the usual order. */
  agencies: { agency: Agency; onTeam: boolean; entries: number }[];
  /** Every stage × agency above, empty cells included (entries: 0). */
  cells: CoverageCount[];
  /** Agencies on the team, there to bring what they know, that have added nothing yet. */
  notYetContributed: Agency[];
  /** The missing pieces: stages for which such an agency holds nothing. */
  gaps: { lifeStage: LifeStage; agency: Agency }[];
}

/**
 * The ECM practitioners run the meeting and the psychologist writes the formulation (from health,
 * often): neither is expected to hold pieces of the child's past, so their agencies are a gap
 * nowhere on their account — though what they did add is counted like anyone's.
 */
const HOLDS_NO_HISTORY: readonly CaseRole[] = ['ecm_practitioner', 'psychologist', 'manager'];

export function coverageOf(counts: CoverageCount[], team: { agency: Agency; caseRole: CaseRole }[], currentStage: LifeStage): TimelineCoverage {
  const lifeStages = LIFE_STAGES.slice(0, LIFE_STAGES.indexOf(currentStage) + 1);
  const count = (stage: LifeStage, agency: Agency) => counts.filter((c) => c.lifeStage === stage && c.agency === agency).reduce((n, c) => n + c.entries, 0);
  const onTeam = new Set(team.map((m) => m.agency));
  const expectedToHold = new Set(team.filter((m) => !HOLDS_NO_HISTORY.includes(m.caseRole)).map((m) => m.agency));
  const holding = new Set(counts.filter((c) => c.entries > 0).map((c) => c.agency));
  const agencies = AGENCIES.filter((a) => onTeam.has(a) || holding.has(a)).map((agency) => ({
    agency,
    onTeam: onTeam.has(agency),
    entries: counts.filter((c) => c.agency === agency).reduce((n, c) => n + c.entries, 0),
  }));
  const cells = lifeStages.flatMap((lifeStage) => agencies.map(({ agency }) => ({ lifeStage, agency, entries: count(lifeStage, agency) })));
  const expected = (agency: Agency) => expectedToHold.has(agency);
  return {
    lifeStages,
    agencies,
    cells,
    notYetContributed: agencies.filter((a) => expected(a.agency) && a.entries === 0).map((a) => a.agency),
    gaps: cells.filter((c) => c.entries === 0 && expected(c.agency)).map(({ lifeStage, agency }) => ({ lifeStage, agency })),
  };
}
