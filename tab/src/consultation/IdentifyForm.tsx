import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, post } from '../api/client.js';
import { todayIso } from '../clock.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { METHOD_LABELS } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 10rem' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const LABELS = {
  sharingAgreement: "The family's agreement to share identifying details",
  'sharingAgreement.agreedBy': 'Who agreed',
  'sharingAgreement.date': 'Agreed on',
  'sharingAgreement.method': 'How',
  childName: "Young person's name",
  childDateOfBirth: 'Date of birth',
  duplicateReason: 'Why go ahead although they may have a case here?',
};

interface IdentifyDraft {
  agreedBy: string;
  date: string;
  method: string;
  childName: string;
  childDateOfBirth: string;
  duplicateReason: string;
}

/** The family has agreed to share who the young person is: their agreement first, then the name and date of birth. */
export function IdentifyForm({ caseId, etag, onIdentified }: { caseId: string; etag: string | null; onIdentified: () => void }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const draft = useDraft<IdentifyDraft>(`consultation-identity:${caseId}`, () => ({
    agreedBy: '',
    date: todayIso(),
    method: 'in_person',
    childName: '',
    childDateOfBirth: '',
    duplicateReason: '',
  }));
  const v = draft.value;
  const set = (patch: Partial<IdentifyDraft>) => draft.set((o) => ({ ...o, ...patch }));
  const [error, setError] = useState<unknown>(null);
  const [possibleDuplicate, setPossibleDuplicate] = useState(false);
  const { busy, submit: once } = useSubmitOnce();

  if (!open) return <Button onClick={() => setOpen(true)}>The family agreed to share identifying details</Button>;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once(async (key) => {
        await post(
          `/cases/${caseId}/consultation/identification`,
          {
            sharingAgreement: { agreedBy: v.agreedBy, date: v.date, method: v.method },
            childName: v.childName,
            childDateOfBirth: v.childDateOfBirth,
            ...(possibleDuplicate ? { duplicateReason: v.duplicateReason } : {}),
          },
          etag,
          key,
        );
        draft.discard();
        setOpen(false);
        onIdentified();
      });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'possible_duplicate') setPossibleDuplicate(true);
      setError(err);
    }
  };

  return (
    <form className={s.form} onSubmit={submit} aria-labelledby={`identify-h-${caseId}`}>
      <h3 id={`identify-h-${caseId}`}>Identifying details, with the family&apos;s agreement</h3>
      <div className={s.row}>
        <Field
          label={LABELS['sharingAgreement.agreedBy']}
          required
          {...fieldProps(error, 'sharingAgreement.agreedBy', { hint: 'For example: the young person and his mother.' })}
        >
          <Input value={v.agreedBy} onChange={(_, d) => set({ agreedBy: d.value })} maxLength={200} required />
        </Field>
        <Field label={LABELS['sharingAgreement.date']} required {...fieldProps(error, 'sharingAgreement.date')}>
          <Input type="date" value={v.date} max={todayIso()} onChange={(_, d) => set({ date: d.value })} required />
        </Field>
        <Field label={LABELS['sharingAgreement.method']} required {...fieldProps(error, 'sharingAgreement.method')}>
          <Select value={v.method} onChange={(_, d) => set({ method: d.value })}>
            {Object.entries(METHOD_LABELS).map(([key, text]) => (
              <option key={key} value={key}>
                {text}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={s.row}>
        <Field label={LABELS.childName} required {...fieldProps(error, 'childName')}>
          <Input value={v.childName} onChange={(_, d) => (setPossibleDuplicate(false), set({ childName: d.value }))} autoComplete="off" required />
        </Field>
        <Field label={LABELS.childDateOfBirth} required {...fieldProps(error, 'childDateOfBirth')}>
          <Input type="date" value={v.childDateOfBirth} onChange={(_, d) => (setPossibleDuplicate(false), set({ childDateOfBirth: d.value }))} required />
        </Field>
      </div>
      {possibleDuplicate ? (
        <Field label={LABELS.duplicateReason} required hint="Your reason is kept in the audit trail." {...fieldProps(error, 'duplicateReason')}>
          <Textarea value={v.duplicateReason} onChange={(_, d) => set({ duplicateReason: d.value })} maxLength={500} rows={3} required />
        </Field>
      ) : null}
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} onReload={onIdentified} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : possibleDuplicate ? 'Save anyway' : 'Save the identifying details'}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={busy}>
          Not now
        </Button>
      </div>
    </form>
  );
}
