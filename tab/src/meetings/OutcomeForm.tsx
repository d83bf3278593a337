import { Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { etagOf, post } from '../api/client.js';
import type { Meeting, PlanActionView, TeamMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { type FieldLabels, fieldProps } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { measureLabel, ReviewMeasures, useReviewMeasures } from './ReviewMeasures.js';
import { TrmAtMeeting, trmAtMeetingLabel, useTrmAtMeeting } from './TrmAtMeeting.js';
import { emptyReviewOfPlan, ReviewOfPlan, reviewOfPlanBody, reviewOfPlanLabel } from '../plan/ReviewOfPlan.js';

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS: Record<string, string> = {
  summary: 'What was discussed and agreed',
  replan: 'Re-plan',
  nextReviewDue: 'Next review due',
};

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '44rem' } });

/** What the meeting decided: progress on each action of the plan, the re-plan, and the next review date. */
export function OutcomeForm({
  caseId,
  meeting,
  plan,
  team,
  onRecorded,
  onReload,
}: {
  caseId: string;
  meeting: Meeting;
  /** The case's plan; the review works through its open actions. */
  plan: PlanActionView[];
  team: TeamMember[];
  onRecorded: () => void;
  onReload: () => void;
}) {
  const s = useStyles();
  const draft = useDraft(`outcome:${meeting.id}`, () => ({
    summary: '',
    replan: '',
    nextReviewDue: '',
    plan: emptyReviewOfPlan(),
  }));
  const outcomeLabels: FieldLabels = (path) => reviewOfPlanLabel(path, plan) ?? LABELS[path] ?? measureLabel(path) ?? trmAtMeetingLabel(path);
  const v = draft.value;
  const measures = useReviewMeasures(meeting.id, meeting.kind);
  const trm = useTrmAtMeeting(meeting.id, meeting.kind);
  // A draft kept from before the form reviewed the plan has no plan part yet.
  const review = v.plan ?? emptyReviewOfPlan();
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
            ...reviewOfPlanBody(review, plan),
            ...measures.body(),
            ...trm.body(),
          },
          etagOf(meeting.version),
          key,
        );
        draft.discard();
        measures.discard();
        trm.discard();
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
      {plan.length ? <ReviewOfPlan actions={plan} team={team} value={review} onChange={(p) => draft.set({ ...v, plan: p })} error={error} /> : null}
      <TrmAtMeeting caseId={caseId} trm={trm} error={error} />
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
