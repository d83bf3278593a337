import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { post } from '../api/client.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useDraft } from '../common/drafts.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flex: '1 1 10rem' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const LABELS = { orderStart: 'Order starts', orderEnd: 'Order ends' };

/** The young person went on to a statutory order: the consultation becomes a full ECM case, the same case. */
export function FullCaseForm({ caseId, etag, onChanged }: { caseId: string; etag: string | null; onChanged: () => void }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const draft = useDraft(`consultation-full-case:${caseId}`, () => ({ orderStart: '', orderEnd: '' }));
  const v = draft.value;
  const [error, setError] = useState<unknown>(null);
  const { busy, submit: once } = useSubmitOnce();

  if (!open) return <Button onClick={() => setOpen(true)}>On a statutory order now: make it a full ECM case</Button>;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once(async (key) => {
        await post(`/cases/${caseId}/consultation/full-case`, v, etag, key);
        draft.discard();
        setOpen(false);
        onChanged();
      });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className={s.form} onSubmit={submit} aria-labelledby={`full-case-h-${caseId}`}>
      <h3 id={`full-case-h-${caseId}`}>Make it a full ECM case</h3>
      <p>The case keeps its reference, its team, its history and this consultation record. Statutory ECM needs at least six months left on the order.</p>
      <div className={s.row}>
        <Field label={LABELS.orderStart} required {...fieldProps(error, 'orderStart')}>
          <Input type="date" value={v.orderStart} onChange={(_, d) => draft.set((o) => ({ ...o, orderStart: d.value }))} required />
        </Field>
        <Field label={LABELS.orderEnd} required {...fieldProps(error, 'orderEnd')}>
          <Input type="date" value={v.orderEnd} onChange={(_, d) => draft.set((o) => ({ ...o, orderEnd: d.value }))} required />
        </Field>
      </div>
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} onReload={onChanged} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Make it a full case'}
        </Button>
        <Button onClick={() => setOpen(false)} disabled={busy}>
          Not now
        </Button>
      </div>
    </form>
  );
}
