import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { put } from '../api/client.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { LEGAL_STATUS_LABELS } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = { legalStatus: 'Legal status now', parentalResponsibility: 'Who holds parental responsibility now' };

interface Props {
  caseId: string;
  legalStatus: string;
  parentalResponsibility: string | null;
  etag: string | null;
  onChanged: () => void;
}

/** A child comes into or leaves care during the case: who must agree is worked out again. */
export function LegalStatusForm({ caseId, legalStatus, parentalResponsibility, etag, onChanged }: Props) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState(legalStatus);
  const [holder, setHolder] = useState(parentalResponsibility ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (!open) return <Button onClick={() => setOpen(true)}>Change legal status</Button>;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await put(`/cases/${caseId}/legal-status`, { legalStatus: status, parentalResponsibility: holder.trim() ? holder.trim() : null }, etag);
      setOpen(false);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={s.form} onSubmit={submit} aria-labelledby="legal-status-h">
      <h3 id="legal-status-h">Change legal status</h3>
      <Field label={LABELS.legalStatus} required {...fieldProps(error, 'legalStatus', { hint: 'With their age, this decides who must agree.' })}>
        <Select value={status} onChange={(_, d) => setStatus(d.value)}>
          {Object.entries(LEGAL_STATUS_LABELS).map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={LABELS.parentalResponsibility}
        {...fieldProps(error, 'parentalResponsibility', { text: holder, max: 200, hint: 'For example: mother; the local authority under the care order.' })}
      >
        <Input value={holder} onChange={(_, d) => setHolder(d.value)} />
      </Field>
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} onReload={onChanged} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={busy || holder.length > 200}>
          Save
        </Button>
        <Button onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
