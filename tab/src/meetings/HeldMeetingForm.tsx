import { Button, Checkbox, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { post } from '../api/client.js';
import type { TeamMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useDraft } from '../common/drafts.js';
import { MEETING_KIND_LABELS } from '../labels.js';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '36rem' } });

const toInstant = (local: string) => (local ? new Date(local).toISOString() : local);

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
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`/cases/${caseId}/meetings`, {
        status: 'held',
        kind: v.kind,
        startsAt: toInstant(v.startsAt),
        endsAt: toInstant(v.endsAt),
        attendeeIds: v.attendeeIds,
        ...(v.location.trim() ? { location: v.location } : {}),
        outcome: { summary: v.summary, replan: v.replan, nextReviewDue: v.nextReviewDue || null },
      });
      draft.discard();
      onRecorded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className={s.form} onSubmit={submit} aria-label="Record a meeting already held">
      <h3>Record a meeting already held</h3>
      <p>For a meeting that took place without being scheduled here: its real date and its outcome.</p>
      <Field label="Kind">
        <Select value={v.kind} onChange={(_, d) => draft.set({ ...v, kind: d.value })}>
          {Object.entries(MEETING_KIND_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Started" required hint="Not in the future, and not before the referral.">
        <Input
          type="datetime-local"
          max={nowLocal}
          value={v.startsAt}
          onChange={(_, d) => draft.set({ ...v, startsAt: d.value, endsAt: v.endsAt || d.value })}
        />
      </Field>
      <Field label="Ended" required>
        <Input type="datetime-local" value={v.endsAt} onChange={(_, d) => draft.set({ ...v, endsAt: d.value })} />
      </Field>
      <Field label="Where">
        <Input value={v.location} onChange={(_, d) => draft.set({ ...v, location: d.value })} />
      </Field>
      <fieldset>
        <legend>Who took part (from the case team)</legend>
        {team.map((m) => (
          <Checkbox
            key={m.staffId}
            label={m.name}
            checked={v.attendeeIds.includes(m.staffId)}
            onChange={(_, d) => draft.set({ ...v, attendeeIds: d.checked ? [...v.attendeeIds, m.staffId] : v.attendeeIds.filter((x) => x !== m.staffId) })}
          />
        ))}
      </fieldset>
      <Field label="What was discussed and agreed" required>
        <Textarea value={v.summary} onChange={(_, d) => draft.set({ ...v, summary: d.value })} rows={4} />
      </Field>
      <Field label="Re-plan">
        <Textarea value={v.replan} onChange={(_, d) => draft.set({ ...v, replan: d.value })} rows={3} />
      </Field>
      <Field label="Next review due" hint={v.kind === 'consultation' ? 'Optional for a consultation.' : '8–12 weeks after this meeting.'}>
        <Input type="date" value={v.nextReviewDue} onChange={(_, d) => draft.set({ ...v, nextReviewDue: d.value })} />
      </Field>
      <ErrorNotice error={error} />
      <div>
        <Button type="submit" appearance="primary">
          Record the meeting and its outcome
        </Button>
      </div>
    </form>
  );
}
