import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { etagOf, post } from '../api/client.js';
import type { Meeting, Recommendation } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { type FieldLabels, fieldProps } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { PROGRESS_LABELS } from '../labels.js';
import { measureLabel, ReviewMeasures, useReviewMeasures } from './ReviewMeasures.js';

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS: Record<string, string> = {
  summary: 'What was discussed and agreed',
  replan: 'Re-plan',
  nextReviewDue: 'Next review due',
};
const PROGRESS_FIELD = /^recommendationProgress\.(\d+)\.(status|note)$/;
const outcomeLabels: FieldLabels = (path) => {
  const m = PROGRESS_FIELD.exec(path);
  return m ? `Recommendation ${Number(m[1]) + 1}: ${m[2] === 'note' ? 'note' : 'progress'}` : (LABELS[path] ?? measureLabel(path));
};

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '44rem' } });

/** What the meeting decided: progress on each recommendation, the re-plan, and the next review date. */
export function OutcomeForm({
  caseId,
  meeting,
  recommendations,
  onRecorded,
  onReload,
}: {
  caseId: string;
  meeting: Meeting;
  recommendations: Recommendation[];
  onRecorded: () => void;
  onReload: () => void;
}) {
  const s = useStyles();
  const draft = useDraft(`outcome:${meeting.id}`, () => ({
    summary: '',
    replan: '',
    nextReviewDue: '',
    progress: Object.fromEntries(recommendations.map((r) => [r.id, { status: 'in_progress', note: '' }])) as Record<string, { status: string; note: string }>,
  }));
  const v = draft.value;
  const measures = useReviewMeasures(meeting.id, meeting.kind);
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once.submit(async (key) => {
        await post(
          `/cases/${caseId}/meetings/${meeting.id}/outcome`,
          {
            summary: v.summary,
            replan: v.replan,
            nextReviewDue: v.nextReviewDue || null,
            recommendationProgress: recommendations.map((r) => ({
              recommendationId: r.id,
              status: v.progress[r.id]?.status ?? 'not_started',
              note: v.progress[r.id]?.note ?? '',
            })),
            ...measures.body(),
          },
          etagOf(meeting.version),
          key,
        );
        draft.discard();
        measures.discard();
        onRecorded();
      });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className={s.form} onSubmit={submit} aria-label="Record the outcome">
      <Field label={LABELS.summary} required {...fieldProps(error, 'summary', { text: v.summary, max: 8000 })}>
        <Textarea value={v.summary} onChange={(_, d) => draft.set({ ...v, summary: d.value })} rows={4} />
      </Field>
      {recommendations.map((r, i) => (
        <fieldset key={r.id}>
          <legend>
            Recommendation {i + 1}: {r.text}
          </legend>
          <Field label="Progress" {...fieldProps(error, `recommendationProgress.${i}.status`)}>
            <Select
              value={v.progress[r.id]?.status ?? 'not_started'}
              onChange={(_, d) => draft.set({ ...v, progress: { ...v.progress, [r.id]: { note: v.progress[r.id]?.note ?? '', status: d.value } } })}
            >
              {Object.entries(PROGRESS_LABELS).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Note" {...fieldProps(error, `recommendationProgress.${i}.note`, { text: v.progress[r.id]?.note ?? '', max: 2000 })}>
            <Input
              value={v.progress[r.id]?.note ?? ''}
              onChange={(_, d) =>
                draft.set({ ...v, progress: { ...v.progress, [r.id]: { status: v.progress[r.id]?.status ?? 'not_started', note: d.value } } })
              }
            />
          </Field>
        </fieldset>
      ))}
      <ReviewMeasures measures={measures} error={error} />
      <Field label={LABELS.replan} {...fieldProps(error, 'replan', { text: v.replan, max: 8000 })}>
        <Textarea value={v.replan} onChange={(_, d) => draft.set({ ...v, replan: d.value })} rows={3} />
      </Field>
      <Field
        label={LABELS.nextReviewDue}
        {...fieldProps(error, 'nextReviewDue', { hint: meeting.kind === 'consultation' ? 'Optional for a consultation.' : '8–12 weeks after this meeting.' })}
      >
        <Input type="date" value={v.nextReviewDue} onChange={(_, d) => draft.set({ ...v, nextReviewDue: d.value })} />
      </Field>
      <ErrorNotice error={error} labels={outcomeLabels} onReload={onReload} />
      <div>
        <Button type="submit" appearance="primary" disabled={once.busy}>
          Record the outcome
        </Button>
      </div>
    </form>
  );
}
