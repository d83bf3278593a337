import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { post } from '../api/client.js';
import type { TeamMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { MEETING_KIND_LABELS } from '../labels.js';
import { toInstant } from './meetingTime.js';
import { TeamPicker } from './TeamPicker.js';
import { measureLabel, ReviewMeasures, useReviewMeasures } from './ReviewMeasures.js';

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = {
  kind: 'Kind',
  startsAt: 'Started',
  endsAt: 'Ended',
  location: 'Where',
  attendeeIds: 'Who took part (from the case team)',
  'outcome.summary': 'What was discussed and agreed',
  'outcome.replan': 'Re-plan',
  'outcome.nextReviewDue': 'Next review due',
};

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '36rem' } });

/**
 * A meeting that happened without being scheduled here (or before ECM for Teams was used): its
 * real date, who was there, and its outcome, recorded in one go.
 */
export function HeldMeetingForm({ caseId, team, nowLocal, onRecorded }: { caseId: string; team: TeamMember[]; nowLocal: string; onRecorded: () => void }) {
  const s = useStyles();
  const draft = useDraft(`held-meeting:${caseId}`, () => ({
    kind: 'review',
    startsAt: '',
    endsAt: '',
    location: '',
    attendeeIds: [] as string[],
    summary: '',
    replan: '',
    nextReviewDue: '',
  }));
  const v = draft.value;
  const measures = useReviewMeasures(`held:${caseId}`, v.kind);
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once.submit(async (key) => {
        const held = {
          status: 'held',
          kind: v.kind,
          startsAt: toInstant(v.startsAt),
          endsAt: toInstant(v.endsAt),
          attendeeIds: v.attendeeIds,
          ...(v.location.trim() ? { location: v.location } : {}),
          outcome: { summary: v.summary, replan: v.replan, nextReviewDue: v.nextReviewDue || null, ...measures.body() },
        };
        await post(`/cases/${caseId}/meetings`, held, undefined, key);
        draft.discard();
        measures.discard();
        onRecorded();
      });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className={s.form} onSubmit={submit} aria-label="Record a meeting already held">
      <h3>Record a meeting already held</h3>
      <p>For a meeting that took place without being scheduled here: its real date and its outcome.</p>
      <Field label={LABELS.kind} {...fieldProps(error, 'kind')}>
        <Select value={v.kind} onChange={(_, d) => draft.set({ ...v, kind: d.value })}>
          {Object.entries(MEETING_KIND_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={LABELS.startsAt} required {...fieldProps(error, 'startsAt', { hint: 'Not in the future, and not before the referral.' })}>
        <Input
          type="datetime-local"
          max={nowLocal}
          value={v.startsAt}
          onChange={(_, d) => draft.set({ ...v, startsAt: d.value, endsAt: v.endsAt || d.value })}
        />
      </Field>
      <Field label={LABELS.endsAt} required {...fieldProps(error, 'endsAt')}>
        <Input type="datetime-local" value={v.endsAt} onChange={(_, d) => draft.set({ ...v, endsAt: d.value })} />
      </Field>
      <Field label={LABELS.location} {...fieldProps(error, 'location', { text: v.location, max: 200 })}>
        <Input value={v.location} onChange={(_, d) => draft.set({ ...v, location: d.value })} />
      </Field>
      <TeamPicker legend={LABELS.attendeeIds} team={team} chosen={v.attendeeIds} onChange={(attendeeIds) => draft.set({ ...v, attendeeIds })} />
      <Field label={LABELS['outcome.summary']} required {...fieldProps(error, 'outcome.summary', { text: v.summary, max: 8000 })}>
        <Textarea value={v.summary} onChange={(_, d) => draft.set({ ...v, summary: d.value })} rows={4} />
      </Field>
      <ReviewMeasures measures={measures} error={error} pathPrefix="outcome." />
      <Field label={LABELS['outcome.replan']} {...fieldProps(error, 'outcome.replan', { text: v.replan, max: 8000 })}>
        <Textarea value={v.replan} onChange={(_, d) => draft.set({ ...v, replan: d.value })} rows={3} />
      </Field>
      <Field
        label={LABELS['outcome.nextReviewDue']}
        {...fieldProps(error, 'outcome.nextReviewDue', { hint: v.kind === 'consultation' ? 'Optional for a consultation.' : '8–12 weeks after this meeting.' })}
      >
        <Input type="date" value={v.nextReviewDue} onChange={(_, d) => draft.set({ ...v, nextReviewDue: d.value })} />
      </Field>
      <ErrorNotice error={error} labels={(path) => labelsFrom(LABELS)(path) ?? measureLabel(path)} />
      <div>
        <Button type="submit" appearance="primary" disabled={once.busy}>
          Record the meeting and its outcome
        </Button>
      </div>
    </form>
  );
}
