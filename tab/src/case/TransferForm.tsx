import { Button, Field, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { get, post } from '../api/client.js';
import type { CaseView, TransferOptions } from '../api/types.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useDraft } from '../common/drafts.js';
import { fieldProps, labelsFrom, overLimit } from '../common/fieldProblems.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { navigate } from '../router.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The form's labels, by the API's field names: the same words beside a field and in the list of problems. */
const LABELS = { toServiceId: 'Move to', caseHolderId: 'Case holder there', reason: 'Why the case moves' };
const REASON_MAX = 500;

interface Props {
  caseId: string;
  reference: string;
  serviceName: string;
  etag: string;
  onChanged: () => void;
}

/**
 * The family moves: the ECM team or the manager moves the case to another service. Asked again
 * before it happens, because the service's own practitioners lose the case at once.
 */
export function TransferForm({ caseId, reference, serviceName, etag, onChanged }: Props) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Confirmed: the move is sent once the dialog has gone, so that nothing the answer changes (a
  // page the person can no longer see) is taken away from under an open modal dialog.
  const [confirmed, setConfirmed] = useState(false);
  const draft = useDraft(`transfer:${caseId}`, () => ({ toServiceId: '', caseHolderId: '', reason: '' }));
  const once = useSubmitOnce();
  const options = useLoad(() => (open ? get<TransferOptions>(`/cases/${caseId}/transfer`) : Promise.resolve(null)), [caseId, open]);
  const o = options.data;
  const former = o?.formerReferences.length ? <p>Formerly {o.formerReferences.join(', then ')}.</p> : null;

  const { toServiceId, caseHolderId, reason } = draft.value;
  const destination = o?.destinations.find((d) => d.serviceId === toServiceId);

  const transfer = async () => {
    setError(null);
    try {
      await once.submit(async (key) => {
        const body = { toServiceId, ...(caseHolderId ? { caseHolderId } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) };
        const moved = await post<CaseView>(`/cases/${caseId}/transfer`, body, etag, key);
        draft.discard();
        // A manager who moved it out of their service no longer reaches it: back to their caseload.
        setOpen(false);
        if (moved.allowedActions.includes('case.read')) onChanged();
        else navigate({ view: 'caseload' });
      });
    } catch (err) {
      setError(err);
    }
  };

  useEffect(() => {
    if (!confirmed || confirming) return;
    setConfirmed(false);
    void transfer();
  });

  if (!open) {
    return (
      <div>
        <Button onClick={() => setOpen(true)}>Transfer to another service</Button>
      </div>
    );
  }
  const ask = (e: React.FormEvent) => {
    e.preventDefault();
    setConfirming(true);
  };

  return (
    <form className={s.form} onSubmit={ask} aria-labelledby="transfer-h">
      <h3 id="transfer-h">Transfer to another service</h3>
      {former}
      <ErrorNotice error={options.error} />
      {o?.documentsMoving ? <p role="status">The documents of the last transfer are still moving. Transfer again once they have arrived.</p> : null}
      {o && o.destinations.length === 0 ? <p>You do not work in another service this case could move to.</p> : null}
      <Field label={LABELS.toServiceId} required {...fieldProps(error, 'toServiceId')}>
        <Select value={toServiceId} onChange={(_, d) => draft.set({ ...draft.value, toServiceId: d.value, caseHolderId: '' })}>
          <option value="">Choose a service</option>
          {o?.destinations.map((d) => (
            <option key={d.serviceId} value={d.serviceId}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={LABELS.caseHolderId}
        {...fieldProps(error, 'caseHolderId', { hint: 'Who holds the case in the new service. Left empty, you do, if you work there.' })}
      >
        <Select value={caseHolderId} onChange={(_, d) => draft.set({ ...draft.value, caseHolderId: d.value })} disabled={!destination}>
          <option value="">Me</option>
          {destination?.caseHolders.map((p) => (
            <option key={p.staffId} value={p.staffId}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={LABELS.reason} {...fieldProps(error, 'reason', { text: reason, max: REASON_MAX })}>
        <Textarea value={reason} rows={2} onChange={(_, d) => draft.set({ ...draft.value, reason: d.value })} />
      </Field>
      <ErrorNotice error={error} labels={labelsFrom(LABELS)} onReload={onChanged} onDismiss={() => setError(null)} />
      <div className={s.actions}>
        <Button appearance="primary" type="submit" disabled={once.busy || !toServiceId || overLimit(reason, REASON_MAX) || o?.documentsMoving}>
          Transfer the case
        </Button>
        <Button onClick={() => setOpen(false)} disabled={once.busy}>
          Cancel
        </Button>
      </div>
      {confirming && destination ? (
        <ConfirmDialog
          title={`Transfer ${reference} to ${destination.name}?`}
          confirm="Transfer the case"
          keep={`Keep it in ${serviceName}`}
          onConfirm={() => setConfirmed(true)}
          onClose={() => setConfirming(false)}
        >
          <p>
            The case takes a reference of {destination.name}. Practitioners of {serviceName} who do not work there leave its team and no longer see it.
          </p>
          <p>
            Its documents move to {destination.name}&apos;s library; they are removed from {serviceName}&apos;s only once the copies are confirmed.
          </p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
