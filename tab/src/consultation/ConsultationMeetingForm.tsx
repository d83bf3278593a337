import { Button, Checkbox, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { get, post } from '../api/client.js';
import type { PersonCard } from '../api/types.js';
import { todayIso } from '../clock.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 10rem' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0 },
});

const LABELS = {
  heldOn: 'Held on',
  ecmTeamIds: 'The ECM team at the meeting',
  advice: 'Advice given',
  nextSteps: 'Next steps agreed',
  followUpOn: 'Follow up on',
};
const TEXT_MAX = 4000;

interface MeetingDraft {
  heldOn: string;
  ecmTeamIds: string[];
  advice: string;
  nextSteps: string;
  followUpOn: string;
}

/** The short consultation meeting with the ECM team, once held: who took part, the advice, the next steps, a follow-up date. */
export function ConsultationMeetingForm({ caseId, serviceId, onRecorded }: { caseId: string; serviceId: string; onRecorded: () => void }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const draft = useDraft<MeetingDraft>(`consultation-meeting:${caseId}`, () => ({
    heldOn: todayIso(),
    ecmTeamIds: [],
    advice: '',
    nextSteps: '',
    followUpOn: '',
  }));
  const v = draft.value;
  const set = (patch: Partial<MeetingDraft>) => draft.set((o) => ({ ...o, ...patch }));
  const people = useLoad(
    () => (open ? get<{ items: PersonCard[] }>(`/people?${new URLSearchParams({ serviceId, limit: '50' })}`) : Promise.resolve({ items: [] })),
    [open, serviceId],
  );
  const ecmTeam = (people.data?.items ?? []).filter((p) => p.role === 'ecm_practitioner' || p.role === 'psychologist');
  const [error, setError] = useState<unknown>(null);
  const { busy, submit: once } = useSubmitOnce();

  if (!open) {
    return <Button onClick={() => setOpen(true)}>{draft.restored ? 'Go on recording the consultation meeting' : 'Record the consultation meeting'}</Button>;
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once(async (key) => {
        await post(`/cases/${caseId}/consultation/meetings`, { ...v, followUpOn: v.followUpOn || null }, undefined, key);
        draft.discard();
        setOpen(false);
        onRecorded();
      });
    } catch (err) {
      setError(err);
    }
  };

  const teamProblem = fieldProps(error, 'ecmTeamIds').validationMessage;
  const toggle = (id: string, on: boolean) => set({ ecmTeamIds: on ? [...v.ecmTeamIds, id] : v.ecmTeamIds.filter((x) => x !== id) });

  return (
    <form className={s.form} onSubmit={submit} aria-labelledby={`consultation-meeting-h-${caseId}`}>
      <h3 id={`consultation-meeting-h-${caseId}`}>Record the consultation meeting</h3>
      <Field label={LABELS.heldOn} required {...fieldProps(error, 'heldOn')}>
        <Input type="date" value={v.heldOn} max={todayIso()} onChange={(_, d) => set({ heldOn: d.value })} required />
      </Field>
      <fieldset>
        <legend>{LABELS.ecmTeamIds}</legend>
        {people.loading && !people.data ? <p role="status">Finding the ECM team…</p> : null}
        {ecmTeam.map((p) => (
          <Checkbox
            key={p.id}
            label={`${p.name} (${p.roleLabel})`}
            checked={v.ecmTeamIds.includes(p.id)}
            onChange={(_, d) => toggle(p.id, d.checked === true)}
          />
        ))}
        {teamProblem ? <p className={s.problem}>{teamProblem}</p> : null}
      </fieldset>
      <Field label={LABELS.advice} required {...fieldProps(error, 'advice', { text: v.advice, max: TEXT_MAX })}>
        <Textarea value={v.advice} onChange={(_, d) => set({ advice: d.value })} rows={4} required />
      </Field>
      <Field label={LABELS.nextSteps} required {...fieldProps(error, 'nextSteps', { text: v.nextSteps, max: TEXT_MAX })}>
        <Textarea value={v.nextSteps} onChange={(_, d) => set({ nextSteps: d.value })} rows={3} required />
      </Field>
      <Field label={LABELS.followUpOn} {...fieldProps(error, 'followUpOn', { hint: 'Leave empty when no follow-up is needed.' })}>
        <Input type="date" value={v.followUpOn} onChange={(_, d) => set({ followUpOn: d.value })} />
      </Field>
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Recording…' : 'Record the meeting'}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={busy}>
          Not now
        </Button>
      </div>
    </form>
  );
}
