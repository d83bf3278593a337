import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { TrmHistoryItem } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { SortableTable } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { formatDate } from '../labels.js';
import { TrmChart } from './TrmChart.js';

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = { level: 'Level', effectiveDate: 'From', rationale: 'Rationale' };

const useStyles = makeStyles({
  current: {
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '48rem',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '32rem' },
});

const MOVEMENT: Record<string, string> = { first: 'First placement', up: 'Moved up', same: 'No change', setback: 'Setback (moved down)' };
const LEVELS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6];

/** Where the child is on the Trauma Recovery Model now, why, and how that has moved over time. */
export default function TrmSection({ view, reload }: CaseProps) {
  const s = useStyles();
  const { today } = useApp();
  const trm = useLoad(() => get<{ placements: TrmHistoryItem[]; labels: { level: number; name: string; need: string }[] }>(`/cases/${view.id}/trm`), [view.id]);
  const draft = useDraft(`trm:${view.id}`, () => ({ level: '2', rationale: '', effectiveDate: today }));
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const placements = trm.data?.placements ?? [];
  const latest = placements[placements.length - 1];
  const labels = trm.data?.labels ?? [];

  const record = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once.submit(async (key) => {
        const placement = { level: Number(draft.value.level), rationale: draft.value.rationale, effectiveDate: draft.value.effectiveDate };
        await post(`/cases/${view.id}/trm`, placement, undefined, key);
        draft.discard();
        trm.reload();
        reload();
      });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="trm-h">
      <h2 id="trm-h">Trauma Recovery Model</h2>
      <ErrorNotice error={trm.error} />
      {latest ? (
        <div className={s.current}>
          <h3>
            Now: level {latest.level} — {latest.label}
          </h3>
          <p>
            Since {formatDate(latest.effectiveDate)}, placed by {latest.placedByName}. {MOVEMENT[latest.movement]}.
          </p>
          <p>
            <strong>Why:</strong> {latest.rationale}
          </p>
          <p>Moving down is part of recovery: it tells the team what help to offer now, not that anyone has failed.</p>
        </div>
      ) : (
        <p>No placement on the TRM yet.</p>
      )}
      {placements.length > 0 ? (
        <>
          <h3>Over time</h3>
          <TrmChart placements={placements} labels={labels} />
          <SortableTable
            caption="TRM placements"
            rows={placements}
            rowKey={(p) => p.id}
            initialSort={{ key: 'date', direction: 'descending' }}
            columns={[
              { key: 'date', label: 'From', sortValue: (p) => p.effectiveDate, render: (p) => formatDate(p.effectiveDate) },
              { key: 'level', label: 'Level', sortValue: (p) => p.level, render: (p) => `${p.level} — ${p.label}` },
              { key: 'movement', label: 'Movement', render: (p) => MOVEMENT[p.movement] },
              { key: 'rationale', label: 'Rationale', render: (p) => p.rationale },
              { key: 'by', label: 'Placed by', sortValue: (p) => p.placedByName, render: (p) => p.placedByName },
            ]}
          />
        </>
      ) : null}
      {view.allowedActions.includes('trm.record') && view.status === 'active' ? (
        <form className={s.form} onSubmit={record} aria-label="Record a TRM placement">
          <h3>Record a placement</h3>
          <Field label={LABELS.level} {...fieldProps(error, 'level')}>
            <Select value={draft.value.level} onChange={(_, d) => draft.set({ ...draft.value, level: d.value })}>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l} — {labels.find((x) => x.level === Math.floor(l))?.name}
                  {Number.isInteger(l) ? '' : ' (half step)'}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={LABELS.effectiveDate} required {...fieldProps(error, 'effectiveDate')}>
            <Input type="date" max={today} value={draft.value.effectiveDate} onChange={(_, d) => draft.set({ ...draft.value, effectiveDate: d.value })} />
          </Field>
          <Field label={LABELS.rationale} required {...fieldProps(error, 'rationale', { text: draft.value.rationale, max: 4000 })}>
            <Textarea value={draft.value.rationale} onChange={(_, d) => draft.set({ ...draft.value, rationale: d.value })} rows={4} />
          </Field>
          <ErrorNotice error={error} labels={labelsFrom(LABELS)} />
          <div>
            <Button appearance="primary" type="submit" disabled={once.busy}>
              Record the placement
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
