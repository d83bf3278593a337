import { Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { get } from '../api/client.js';
import { fieldProps } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useLoad } from '../common/useLoad.js';

const LEVELS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6];

const useStyles = makeStyles({
  set: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
  },
});

/** The TRM placement a review records, kept as a draft of its own and sent only when a level is chosen. */
export interface TrmAtMeetingState {
  asked: boolean;
  value: { level: string; rationale: string };
  set: (next: { level: string; rationale: string }) => void;
  discard: () => void;
  body: () => { trmPlacement?: { level: number; rationale: string } };
}

export function useTrmAtMeeting(meetingId: string, kind: string): TrmAtMeetingState {
  const draft = useDraft(`trm:${meetingId}`, () => ({ level: '', rationale: '' }));
  const asked = kind !== 'consultation';
  return {
    asked,
    value: draft.value,
    set: draft.set,
    discard: draft.discard,
    body: () => (asked && draft.value.level ? { trmPlacement: { level: Number(draft.value.level), rationale: draft.value.rationale } } : {}),
  };
}

export const trmAtMeetingLabel = (path: string): string | undefined =>
  path === 'trmPlacement.level' ? 'TRM level at this meeting' : path === 'trmPlacement.rationale' ? 'Why this level' : undefined;

/**
 * Where the young person is on the Trauma Recovery Model at this meeting, as a block of the outcome
 * form: recorded as a placement of the meeting's day, beside the plan it reviews.
 */
export function TrmAtMeeting({ caseId, trm, error }: { caseId: string; trm: TrmAtMeetingState; error: unknown }) {
  const s = useStyles();
  const labels = useLoad(() => get<{ labels: { level: number; name: string }[] }>(`/cases/${caseId}/trm`), [caseId]);
  if (!trm.asked) return null;
  const nameOf = (level: number) => labels.data?.labels.find((l) => l.level === Math.floor(level))?.name;
  return (
    <fieldset className={s.set}>
      <legend>TRM placement at this meeting</legend>
      <Field label="TRM level at this meeting" hint="Leave as not placed to record no placement now." {...fieldProps(error, 'trmPlacement.level')}>
        <Select value={trm.value.level} onChange={(_, d) => trm.set({ ...trm.value, level: d.value })}>
          <option value="">Not placed at this meeting</option>
          {LEVELS.map((l) => (
            <option key={l} value={String(l)}>
              {l}
              {nameOf(l) ? ` — ${nameOf(l)}` : ''}
            </option>
          ))}
        </Select>
      </Field>
      {trm.value.level ? (
        <Field label="Why this level" required {...fieldProps(error, 'trmPlacement.rationale', { text: trm.value.rationale, max: 4000 })}>
          <Textarea value={trm.value.rationale} onChange={(_, d) => trm.set({ ...trm.value, rationale: d.value })} />
        </Field>
      ) : null}
    </fieldset>
  );
}
