import { LIFE_STAGES, type LifeStage } from './lifeStage.js';
import { AGENCIES, type Agency } from './staff.js';
import type { CaseRole } from './team.js';
import type { TimelineEntry } from './timeline.js';
import type { TimelineQuestion } from './timelineQuestion.js';

/** How many live entries one agency holds for one stage of the child's life. */
export interface CoverageCount {
  lifeStage: LifeStage;
  agency: Agency;
  entries: number;
}

/** A question put to the cell's agency: the open one if any, or the latest answer that nothing is held. */
export type CellQuestion = Pick<TimelineQuestion, 'id' | 'status' | 'wording' | 'askedAt' | 'askedByName'>;

/** One cell of the grid: the count, and the question that stands on it. */
export interface CoverageCell extends CoverageCount {
  /** Open, or answered "nothing held" (the cell then reads "asked: nothing held", not blank); null when none stands. */
  question: CellQuestion | null;
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
  /** Every stage × agency above, empty cells included (entries: 0), each with the question standing on it. */
  cells: CoverageCell[];
  /** Questions put to agencies that no one has answered yet. */
  openQuestions: number;
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

export function coverageOf(
  counts: CoverageCount[],
  team: { agency: Agency; caseRole: CaseRole }[],
  currentStage: LifeStage,
  questions: TimelineQuestion[] = [],
): TimelineCoverage {
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
  const cells = lifeStages.flatMap((lifeStage) =>
    agencies.map(({ agency }) => ({ lifeStage, agency, entries: count(lifeStage, agency), question: questionOn(questions, lifeStage, agency) })),
  );
  const expected = (agency: Agency) => expectedToHold.has(agency);
  return {
    lifeStages,
    agencies,
    cells,
    notYetContributed: agencies.filter((a) => expected(a.agency) && a.entries === 0).map((a) => a.agency),
    openQuestions: questions.filter((q) => q.status === 'open').length,
    gaps: cells.filter((c) => c.entries === 0 && expected(c.agency)).map(({ lifeStage, agency }) => ({ lifeStage, agency })),
  };
}

/** The open question on a cell, else the latest "nothing held" (an answer with entries shows as the entries). */
function questionOn(questions: TimelineQuestion[], lifeStage: LifeStage, agency: Agency): CellQuestion | null {
  const here = questions.filter((q) => q.lifeStage === lifeStage && q.agency === agency);
  const standing =
    here.find((q) => q.status === 'open') ?? here.filter((q) => q.status === 'nothing_held').sort((a, b) => b.askedAt.localeCompare(a.askedAt))[0];
  return standing
    ? { id: standing.id, status: standing.status, wording: standing.wording, askedAt: standing.askedAt, askedByName: standing.askedByName }
    : null;
}

/** The counts the store makes in SQL, made from entries already in hand (the documents' record). */
export function countEntries(entries: Pick<TimelineEntry, 'lifeStage' | 'sourceAgency' | 'retraction'>[]): CoverageCount[] {
  const counts = new Map<string, CoverageCount>();
  for (const e of entries.filter((x) => !x.retraction)) {
    const key = `${e.lifeStage}/${e.sourceAgency}`;
    const c = counts.get(key) ?? { lifeStage: e.lifeStage, agency: e.sourceAgency, entries: 0 };
    c.entries++;
    counts.set(key, c);
  }
  return [...counts.values()];
}
