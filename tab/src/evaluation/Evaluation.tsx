import { Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ENGAGEMENT, type EvaluationFigures, FURTHER_OFFENDING, type QuarterMeasures, type TimeInEcmBand } from '../../../src/contract/evaluation.js';
import type { CaseloadMovement } from '../api/types.js';
import { download, get } from '../api/client.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { ScrollRegion } from '../common/ScrollRegion.js';
import { type Column, SortableTable } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { useApp } from '../context.js';
import { MOVEMENT_MARKS, MOVEMENT_ORDER, MovementChart } from '../dashboard/MovementChart.js';
import { formatDate, MOVEMENT_LABELS } from '../labels.js';
import { type Bar, CountsChart } from './CountsChart.js';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  tiles: {
    listStyleType: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 9rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: tokens.spacingVerticalXS,
  },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 34rem), 1fr))', gap: tokens.spacingHorizontalXXL },
});

const TIME_BANDS: Record<TimeInEcmBand, string> = {
  under_3_months: 'Under 3 months',
  '3_6_months': '3 to 6 months',
  '6_12_months': '6 to 12 months',
  over_12_months: 'Over 12 months',
};
const TIME_MARKS: Record<TimeInEcmBand, string> = { under_3_months: '◔', '3_6_months': '◑', '6_12_months': '◕', over_12_months: '●' };
const ENGAGEMENT_MARKS: Record<keyof typeof ENGAGEMENT, string> = { engaged: '▲', partly_engaged: '■', not_engaged: '▼' };
const OFFENDING_MARKS: Record<keyof typeof FURTHER_OFFENDING, string> = { none: '○', alleged: '◐', charged: '◑', convicted: '●', not_known: '?' };

type Answers<K extends string> = { words: Record<K, string>; marks: Record<K, string> };
const ENGAGEMENT_ANSWERS: Answers<keyof typeof ENGAGEMENT> = { words: ENGAGEMENT, marks: ENGAGEMENT_MARKS };
const OFFENDING_ANSWERS: Answers<keyof typeof FURTHER_OFFENDING> = { words: FURTHER_OFFENDING, marks: OFFENDING_MARKS };

const barsOf = <K extends string>(counts: Record<K, number>, a: Answers<K>): Bar[] =>
  (Object.keys(a.words) as K[]).map((k) => ({ key: k, label: a.words[k], mark: a.marks[k], n: counts[k] }));

/** A measure over time: the chart by quarter, then the same figures as a table (a row per quarter). */
function OverTime<K extends string>({
  id,
  title,
  intro,
  quarters,
  pick,
  answers,
}: {
  id: string;
  title: string;
  intro: string;
  quarters: QuarterMeasures[];
  pick: (q: QuarterMeasures) => Record<K, number>;
  answers: Answers<K>;
}) {
  const keys = Object.keys(answers.words) as K[];
  const columns: Column<QuarterMeasures>[] = [
    { key: 'quarter', label: 'Quarter', sortValue: (q) => q.quarter, render: (q) => q.quarter },
    ...keys.map((k) => ({
      key: k,
      label: `${answers.marks[k]} ${answers.words[k]}`,
      sortValue: (q: QuarterMeasures) => pick(q)[k],
      render: (q: QuarterMeasures) => pick(q)[k],
    })),
  ];
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{intro}</p>
      {quarters.length === 0 ? (
        <p>No measures have been recorded at a meeting yet.</p>
      ) : (
        <>
          <CountsChart caption={`${title}, by quarter`} groups={quarters.map((q) => ({ label: q.quarter, bars: barsOf(pick(q), answers) }))} />
          <ScrollRegion label={`${title} in numbers`}>
            <SortableTable caption={`${title} in numbers`} rows={quarters} rowKey={(q) => q.quarter} columns={columns} />
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

/**
 * The ECM team's evaluation across the services it serves: children supported, time in ECM, TRM
 * movement since the first placement, and engagement and further offending over time, each as a
 * chart followed by a table of the same figures. Counts only: no child is named here. The
 * pseudonymised file for the evaluators downloads from here too.
 */
export default function Evaluation() {
  const s = useStyles();
  const { me } = useApp();
  const figures = useLoad(() => get<EvaluationFigures>('/evaluation'), []);
  const [exportError, setExportError] = useState<unknown>(null);
  const once = useSubmitOnce();
  useEffect(() => {
    document.title = 'Evaluation — ECM for Teams';
  }, []);
  const f = figures.data;
  const names = Object.fromEntries(me.services.map((sv) => [sv.id, sv.name]));
  const exportFile = async () => {
    setExportError(null);
    try {
      await once.submit(async () => download('/evaluation/export', `ecm-evaluation_${f?.today ?? me.today}.csv`));
    } catch (err) {
      setExportError(err);
    }
  };
  const movement = (m: CaseloadMovement) => f?.trmMovement[m] ?? 0;

  return (
    <section aria-labelledby="evaluation-title">
      <div className={s.head}>
        <Title2 as="h1" id="evaluation-title">
          Evaluation across the services
        </Title2>
        <Button appearance="primary" onClick={exportFile} disabled={once.busy || !f}>
          Download the pseudonymised outcome file (CSV)
        </Button>
      </div>
      <ErrorNotice error={figures.error ?? exportError} />
      {!f ? <p role="status">Loading the evaluation…</p> : null}
      {f ? (
        <>
          <p>
            As of {formatDate(f.today)}, across {f.services.map((sv) => names[sv.id] ?? sv.id).join(', ')}. Counts only: no child is named. The file gives each
            child a pseudonym, an age band and their service’s code; never a name, date of birth or case reference.
          </p>
          <ul className={s.tiles} aria-label="At a glance">
            {(
              [
                ['Children referred', f.children],
                ['Children supported', f.supported],
                ['Median days in ECM', f.timeInEcm.medianDays ?? '—'],
              ] as const
            ).map(([label, n]) => (
              <li key={label} className={s.tile}>
                <span>{label}</span>
                <span className={s.number}>{n}</span>
              </li>
            ))}
          </ul>
          <ScrollRegion label="Children by service">
            <SortableTable
              caption="Children by service"
              rows={f.services}
              rowKey={(sv) => sv.id}
              columns={[
                { key: 'service', label: 'Service', sortValue: (sv) => names[sv.id] ?? sv.id, render: (sv) => names[sv.id] ?? sv.id },
                { key: 'children', label: 'Referred', sortValue: (sv) => sv.children, render: (sv) => sv.children },
                { key: 'supported', label: 'Supported', sortValue: (sv) => sv.supported, render: (sv) => sv.supported },
              ]}
            />
          </ScrollRegion>
          <div className={s.grid}>
            <section aria-labelledby="evaluation-time">
              <h2 id="evaluation-time">Time in ECM</h2>
              <p>From the young person’s agreement to the case’s closure, or to today while it is open.</p>
              <CountsChart
                caption="Children supported by time in ECM"
                groups={[
                  {
                    label: null,
                    bars: (Object.keys(TIME_BANDS) as TimeInEcmBand[]).map((b) => ({
                      key: b,
                      label: TIME_BANDS[b],
                      mark: TIME_MARKS[b],
                      n: f.timeInEcm.bands[b],
                    })),
                  },
                ]}
              />
              <ScrollRegion label="Time in ECM in numbers">
                <SortableTable
                  caption="Time in ECM in numbers"
                  rows={Object.keys(TIME_BANDS) as TimeInEcmBand[]}
                  rowKey={(b) => b}
                  columns={[
                    { key: 'time', label: 'Time in ECM', render: (b) => `${TIME_MARKS[b]} ${TIME_BANDS[b]}` },
                    { key: 'children', label: 'Children', sortValue: (b) => f.timeInEcm.bands[b], render: (b) => f.timeInEcm.bands[b] },
                  ]}
                />
              </ScrollRegion>
            </section>
            <section aria-labelledby="evaluation-movement">
              <h2 id="evaluation-movement">TRM movement since the first placement</h2>
              <p>Where each child supported is now, against their first placement. Moving down is part of recovery, not a failure.</p>
              <MovementChart counts={f.trmMovement} caption="Children supported by TRM movement" />
              <ScrollRegion label="TRM movement in numbers">
                <SortableTable
                  caption="TRM movement in numbers"
                  rows={MOVEMENT_ORDER}
                  rowKey={(m) => m}
                  columns={[
                    { key: 'movement', label: 'Movement', render: (m) => `${MOVEMENT_MARKS[m]} ${MOVEMENT_LABELS[m]}` },
                    { key: 'children', label: 'Children', sortValue: movement, render: movement },
                  ]}
                />
              </ScrollRegion>
            </section>
            <OverTime
              id="evaluation-engagement"
              title="Engagement over time"
              intro="Engagement with the service as recorded at each formulation meeting and review, by the quarter it was held."
              quarters={f.overTime}
              pick={(q) => q.engagement}
              answers={ENGAGEMENT_ANSWERS}
            />
            <OverTime
              id="evaluation-offending"
              title="Further offending over time"
              intro="Further offending since the last review, as recorded at each review, by the quarter it was held."
              quarters={f.overTime}
              pick={(q) => q.furtherOffending}
              answers={OFFENDING_ANSWERS}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
