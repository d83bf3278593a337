import { makeStyles, tokens } from '@fluentui/react-components';
import { get } from '../api/client.js';
import type { TimelineCoverage } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { ScrollRegion } from '../common/ScrollRegion.js';
import { useLoad } from '../common/useLoad.js';
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
  quiet: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, color: tokens.colorNeutralForeground3 },
  // Read by screen readers, not shown: the dashed border says the same to the eye.
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/**
 * Who knows what: how many entries each agency holds for each stage of the child's life, so the
 * meeting sees which pieces of the jigsaw are on the table and which are missing. Loaded again
 * whenever the number of live entries changes, so it keeps up with the timeline.
 */
export function Jigsaw({ caseId, liveEntries }: { caseId: string; liveEntries: number }) {
  const s = useStyles();
  const c = useLoad(() => get<TimelineCoverage>(`/cases/${caseId}/timeline/coverage`), [caseId, liveEntries]);
  if (c.error) return <ErrorNotice error={c.error} onReload={c.reload} />;
  if (!c.data) return <p role="status">Loading who knows what…</p>;
  const { lifeStages, agencies, cells, notYetContributed } = c.data;
  const count = (stage: string, agency: string) => cells.find((x) => x.lifeStage === stage && x.agency === agency)?.entries ?? 0;
  const gap = new Set(c.data.gaps.map((g) => `${g.lifeStage}/${g.agency}`));
  return (
    <div>
      <p>
        {notYetContributed.length
          ? `Not yet contributed: ${notYetContributed.map((a) => label(AGENCY_LABELS, a)).join(', ')}.`
          : 'Every agency on the team has added to the timeline.'}{' '}
        {c.data.gaps.length ? `${c.data.gaps.length} missing ${c.data.gaps.length === 1 ? 'piece' : 'pieces'}, drawn as dashed cells.` : null}
      </p>
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
                  const n = count(stage, a.agency);
                  const missing = gap.has(`${stage}/${a.agency}`);
                  return (
                    <td key={a.agency} className={n ? s.held : missing ? s.missing : s.quiet}>
                      {n ? (
                        n
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
