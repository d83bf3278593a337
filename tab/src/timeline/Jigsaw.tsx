import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { CoverageCell, TimelineCoverage, TimelineQuestion } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { ScrollRegion } from '../common/ScrollRegion.js';
import { useLoad } from '../common/useLoad.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { AGENCY_LABELS, label, LIFE_STAGE_LABELS } from '../labels.js';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    '& th, & td': { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, textAlign: 'center' },
    '& th:first-child': { textAlign: 'start' },
  },
  held: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  // A missing piece is drawn as an empty, dashed cell: visible as a gap in every theme without colour.
  missing: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStrokeAccessible}`, color: tokens.colorNeutralForeground2 },
  // Asked of the agency: still a gap, but one the meeting has put into words.
  asked: { border: `${tokens.strokeWidthThick} dotted ${tokens.colorBrandStroke1}`, color: tokens.colorNeutralForeground1 },
  quiet: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground3 },
  // Read by screen readers, not shown: the dashed border says the same to the eye.
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/**
 * Who knows what: how many entries each agency holds for each stage of the child's life, so the
 * meeting sees which pieces of the jigsaw are on the table and which are missing. Loaded again
 * whenever the number of live entries changes, or a question is asked or answered, so it keeps up
 * with the timeline. Those who may ask (the ECM team, the case holder) turn an empty cell of an
 * agency on the team into a question for it ("Ask Health"); an open question reads "Asked", and
 * an answer that nothing is held reads "Asked: nothing held" rather than a blank.
 */
export function Jigsaw({ caseId, liveEntries, mayAsk = false }: { caseId: string; liveEntries: number; mayAsk?: boolean }) {
  const s = useStyles();
  const c = useLoad(() => get<TimelineCoverage>(`/cases/${caseId}/timeline/coverage`), [caseId, liveEntries]);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<unknown>(null);
  useCaseEvents(caseId, (e) => {
    if (e.type === 'question.asked' || e.type === 'question.answered') c.reload();
  });
  if (c.error) return <ErrorNotice error={c.error} onReload={c.reload} />;
  if (!c.data) return <p role="status">Loading who knows what…</p>;
  const { lifeStages, agencies, cells, notYetContributed } = c.data;
  const cellOf = (stage: string, agency: string): CoverageCell | undefined => cells.find((x) => x.lifeStage === stage && x.agency === agency);
  const ask = async (stage: string, agency: string) => {
    setError(null);
    try {
      const q = await post<TimelineQuestion>(`/cases/${caseId}/timeline/questions`, { lifeStage: stage, agency });
      setSaid(`Asked: “${q.wording}”`);
    } catch (err) {
      setError(err);
    }
    c.reload();
  };
  const gap = new Set(c.data.gaps.map((g) => `${g.lifeStage}/${g.agency}`));
  return (
    <div>
      <p>
        {notYetContributed.length
          ? `Not yet contributed: ${notYetContributed.map((a) => label(AGENCY_LABELS, a)).join(', ')}.`
          : 'Every agency on the team has added to the timeline.'}{' '}
        {c.data.gaps.length ? `${c.data.gaps.length} missing ${c.data.gaps.length === 1 ? 'piece' : 'pieces'}, drawn as dashed cells.` : null}{' '}
        {c.data.openQuestions ? `${c.data.openQuestions} ${c.data.openQuestions === 1 ? 'question' : 'questions'} waiting for an answer.` : null}
      </p>
      <p role="status">{said}</p>
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      <ScrollRegion label="Who knows what, by life stage and agency">
        <table className={s.table}>
          <caption className={s.spoken}>Entries on the timeline by life stage (rows) and agency (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Life stage</th>
              {agencies.map((a) => (
                <th key={a.agency} scope="col">
                  {label(AGENCY_LABELS, a.agency)}
                  {a.onTeam ? null : <span> (not on the team)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lifeStages.map((stage) => (
              <tr key={stage}>
                <th scope="row">{label(LIFE_STAGE_LABELS, stage)}</th>
                {agencies.map((a) => {
                  const cell = cellOf(stage, a.agency);
                  const n = cell?.entries ?? 0;
                  const question = cell?.question ?? null;
                  const missing = gap.has(`${stage}/${a.agency}`);
                  const where = `${label(AGENCY_LABELS, a.agency)}, ${label(LIFE_STAGE_LABELS, stage)}`;
                  return (
                    <td key={a.agency} className={question && !n ? s.asked : n ? s.held : missing ? s.missing : s.quiet} data-cell={`${stage}/${a.agency}`}>
                      {n ? (
                        <>
                          {n}
                          {question?.status === 'open' ? <span title={question.wording}> · asked</span> : null}
                        </>
                      ) : question ? (
                        <>
                          <span title={question.wording}>{question.status === 'nothing_held' ? 'Asked: nothing held' : 'Asked'}</span>
                          <span className={s.spoken}> — {question.wording}</span>
                        </>
                      ) : mayAsk && a.onTeam ? (
                        <>
                          {/* Still a missing piece to a screen reader, with the chair's way to ask for it. */}
                          {missing ? <span className={s.spoken}>missing piece</span> : null}
                          <Button size="small" appearance="subtle" aria-label={`Ask ${where}`} onClick={() => void ask(stage, a.agency)}>
                            Ask {label(AGENCY_LABELS, a.agency)}
                          </Button>
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">{missing ? '?' : '–'}</span>
                          <span className={s.spoken}>{missing ? 'missing piece' : 'none'}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
