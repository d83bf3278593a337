import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { post } from '../api/client.js';
import type { TeamMember } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { MEETING_KIND_LABELS } from '../labels.js';
import { toInstant } from './meetingTime.js';
import { TeamPicker } from './TeamPicker.js';
import { useScheduleRequest } from '../router.js';

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = {
  kind: 'Kind',
  startsAt: 'Starts',
  endsAt: 'Ends',
  location: 'Where (or leave empty for a Teams meeting)',
  attendeeIds: 'Who is invited (from the case team)',
};

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '36rem' } });

export function ScheduleForm({ caseId, team, me, onScheduled }: { caseId: string; team: TeamMember[]; me: string; onScheduled: () => void }) {
  const s = useStyles();
  const draft = useDraft(`meeting:${caseId}`, () => ({ kind: 'review', startsAt: '', endsAt: '', location: '', attendeeIds: team.map((m) => m.staffId) }));
  const v = draft.value;
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  // A link to `cases/{id}/meetings/new?kind=…` (a review reminder's button) opens this form ready.
  const requested = useScheduleRequest(caseId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!requested) return;
    if (v.kind !== requested) draft.set({ ...v, kind: requested });
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
    // Once per request, not on every keystroke: the draft is left out on purpose.
  }, [requested]);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const attendeeIds = v.attendeeIds.includes(me) || !team.some((m) => m.staffId === me) ? v.attendeeIds : [...v.attendeeIds, me];
      await once.submit(async (key) => {
        await post(
          `/cases/${caseId}/meetings`,
          { kind: v.kind, startsAt: toInstant(v.startsAt), endsAt: toInstant(v.endsAt), attendeeIds, ...(v.location.trim() ? { location: v.location } : {}) },
          undefined,
          key,
        );
        draft.discard();
        onScheduled();
      });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className={s.form} onSubmit={submit} aria-label="Schedule a meeting">
      <h3 ref={heading} tabIndex={-1}>
        Schedule a meeting
      </h3>
      <Field label={LABELS.kind} {...fieldProps(error, 'kind')}>
        <Select value={v.kind} onChange={(_, d) => draft.set({ ...v, kind: d.value })}>
          {Object.entries(MEETING_KIND_LABELS).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={LABELS.startsAt} required {...fieldProps(error, 'startsAt')}>
        <Input type="datetime-local" value={v.startsAt} onChange={(_, d) => draft.set({ ...v, startsAt: d.value, endsAt: v.endsAt || d.value })} />
      </Field>
      <Field label={LABELS.endsAt} required {...fieldProps(error, 'endsAt')}>
        <Input type="datetime-local" value={v.endsAt} onChange={(_, d) => draft.set({ ...v, endsAt: d.value })} />
      </Field>
      <Field label={LABELS.location} {...fieldProps(error, 'location', { text: v.location, max: 200 })}>
        <Input value={v.location} onChange={(_, d) => draft.set({ ...v, location: d.value })} />
      </Field>
      <TeamPicker legend={LABELS.attendeeIds} team={team} chosen={v.attendeeIds} onChange={(attendeeIds) => draft.set({ ...v, attendeeIds })} />
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} />
      <div>
        <Button type="submit" appearance="primary" disabled={once.busy}>
          Schedule
        </Button>
      </div>
    </form>
  );
}
