import { AGENCY_LABELS } from '../contract/words.js';
import { LIFE_STAGE_LABELS, lifeStageAt } from '../domain/lifeStage.js';
import { countEntries, coverageOf } from '../domain/timelineCoverage.js';
import type { CaseDossier } from './dossier.js';
import { type Block, heading, para, table } from './word.js';

/**
 * "What we know and from whom": the jigsaw as one page of the formulation report, so a reader
 * sees whose knowledge the formulation rests on and which parts of the child's life nobody spoke for.
 */
export function whoKnowsWhat(d: CaseDossier): Block[] {
  const c = coverageOf(countEntries(d.timeline), d.team, lifeStageAt(d.case.childDateOfBirth, d.today));
  const count = (stage: string, agency: string) => c.cells.find((x) => x.lifeStage === stage && x.agency === agency)?.entries ?? 0;
  const gap = new Set(c.gaps.map((g) => `${g.lifeStage}/${g.agency}`));
  const rows = c.lifeStages.map((stage) => [
    LIFE_STAGE_LABELS[stage],
    ...c.agencies.map((a) => {
      const n = count(stage, a.agency);
      return n ? String(n) : gap.has(`${stage}/${a.agency}`) ? 'missing' : '–';
    }),
  ]);
  return [
    heading('What we know and from whom'),
    para(
      'Entries on the timeline by life stage and the agency that holds them. "Missing" marks a stage for which an agency on the team has added nothing: a part of the picture not yet put together.',
    ),
    ...(c.agencies.length ? [table(['Life stage', ...c.agencies.map((a) => AGENCY_LABELS[a.agency])], rows)] : [para('Nothing is on the timeline yet.')]),
    para(
      c.notYetContributed.length
        ? `Not yet contributed: ${c.notYetContributed.map((a) => AGENCY_LABELS[a]).join(', ')}.`
        : 'Every agency on the team has added to the timeline.',
    ),
  ];
}
