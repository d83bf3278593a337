import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, etagOf, get, post } from '../api/client.js';
import type { TimelineCategory, TimelineEntry, TimelineEntryRevision } from '../api/types.js';
import { EntryForm } from './EntryForm.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom } from '../common/fieldProblems.js';
import { useLoad } from '../common/useLoad.js';
import { useReturnFocus } from '../common/useReturnFocus.js';
import { AGENCY_LABELS, CONFIDENCE_LABELS, formatDateTime, label } from '../labels.js';
import { describeWhen } from './layout.js';

const RETRACTION_LABELS = { reason: 'Why is it being retracted?' };

/** Every version of an entry, oldest first, with who changed it and when: nothing is silently overwritten. */
export function EntryHistoryDialog({
  caseId,
  entry,
  categories,
  onClose,
}: {
  caseId: string;
  entry: TimelineEntry;
  categories: TimelineCategory[];
  onClose: () => void;
}) {
  useReturnFocus();
  const history = useLoad(() => get<{ items: TimelineEntryRevision[] }>(`/cases/${caseId}/timeline/${entry.id}/history`), [caseId, entry.id, entry.version]);
  const cat = (k: string) => categories.find((c) => c.key === k)?.label ?? k;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>History of this entry</DialogTitle>
          <DialogContent>
            <ErrorNotice error={history.error} />
            {history.loading ? <p>Loading…</p> : null}
            <ol>
              {history.data?.items.map((r) => (
                <li key={r.version}>
                  <p>
                    <strong>Version {r.version}</strong> — {r.retraction ? 'retracted' : r.version === 1 ? 'added' : 'edited'}
                    {r.changedByName ? ` by ${r.changedByName}` : ''}, {formatDateTime(r.changedAt)}
                    {r.restriction ? ' · restricted' : ''}
                  </p>
                  <p>
                    {describeWhen(r.content.when).text} · {cat(r.content.category)} · {label(AGENCY_LABELS, r.content.sourceAgency)} ·{' '}
                    {label(CONFIDENCE_LABELS, r.content.confidence)}
                  </p>
                  <p>{r.content.description}</p>
                  {r.retraction?.reason ? <p>Reason for retraction: {r.retraction.reason}</p> : null}
                  {r.restriction?.reason ? <p>Reason for restriction: {r.restriction.reason}</p> : null}
                </li>
              ))}
            </ol>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Retracting keeps the entry (struck through) with the reason; it is never deleted. */
export function RetractDialog({
  caseId,
  entry,
  onDone,
  onClose,
  onReload,
}: {
  caseId: string;
  entry: TimelineEntry;
  onDone: (e: TimelineEntry) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  useReturnFocus();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      onDone(await post<TimelineEntry>(`/cases/${caseId}/timeline/${entry.id}/retraction`, { reason }, etagOf(entry.version)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Retract this entry?</DialogTitle>
          <DialogContent>
            <p>It stays in the record, struck through, with your reason. Add a new entry if the facts need correcting.</p>
            <p>
              <strong>{describeWhen(entry.when).text}:</strong> {entry.description}
            </p>
            <Field label={RETRACTION_LABELS.reason} required {...fieldProps(error, 'reason', { text: reason, max: 500 })}>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <ErrorNotice error={error} labels={labelsFrom(RETRACTION_LABELS)} onReload={onReload} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={submit} disabled={busy || !reason.trim()}>
              Retract
            </Button>
            <Button onClick={onClose}>Keep it</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

const RESTRICTION_QUESTIONS = { restrict: 'Why is it being restricted?', lift: 'Why is the restriction being lifted?' };

/**
 * Restricting an entry keeps its text to the ECM team, the psychologist and its agency; lifting
 * opens it to the team again. Either way a reason is required and audited.
 */
export function RestrictDialog({
  caseId,
  entry,
  onDone,
  onClose,
  onReload,
}: {
  caseId: string;
  entry: TimelineEntry;
  onDone: (e: TimelineEntry) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  useReturnFocus();
  const lifting = entry.restriction !== null;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const question = lifting ? RESTRICTION_QUESTIONS.lift : RESTRICTION_QUESTIONS.restrict;
  const submit = async () => {
    // An empty reason is refused here, beside the field, in the same words as a refusal from the API would be.
    if (!reason.trim()) {
      const message = lifting ? 'say why the restriction is being lifted: a reason is required' : 'say why it is being restricted: a reason is required';
      setError(new ApiError(400, 'validation_failed', 'A reason is required.', [{ path: 'reason', message }]));
      return;
    }
    setBusy(true);
    try {
      const path = `/cases/${caseId}/timeline/${entry.id}/restriction${lifting ? '/lift' : ''}`;
      onDone(await post<TimelineEntry>(path, { reason }, etagOf(entry.version)));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const agency = label(AGENCY_LABELS, entry.sourceAgency);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{lifting ? 'Lift the restriction?' : 'Restrict this entry?'}</DialogTitle>
          <DialogContent>
            <p>
              {lifting
                ? 'Everyone on the team who reads the timeline will read its text again.'
                : `Only the ECM team, the psychologist and ${agency} will read its text. Everyone else sees that a restricted ${agency} entry exists and its life stage — in the tab, the meeting, the bot and every document.`}
            </p>
            <p>
              <strong>{describeWhen(entry.when).text}:</strong> {entry.description}
            </p>
            <Field label={question} required {...fieldProps(error, 'reason', { text: reason, max: 500 })}>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
            </Field>
            <ErrorNotice error={error} labels={labelsFrom({ reason: question })} onReload={onReload} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={submit} disabled={busy}>
              {lifting ? 'Lift restriction' : 'Restrict'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Adding or editing an entry, in a dialog over the timeline. */
export function EntryFormDialog({
  caseId,
  categories,
  myAgency,
  editing,
  onSaved,
  onClose,
  onReload,
}: {
  caseId: string;
  categories: TimelineCategory[];
  myAgency: string;
  editing: TimelineEntry | null;
  onSaved: (e: TimelineEntry) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  useReturnFocus();
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{editing ? 'Edit the entry' : 'Add an entry'}</DialogTitle>
          <DialogContent>
            <EntryForm
              caseId={caseId}
              categories={categories}
              myAgency={myAgency}
              editing={editing ?? undefined}
              onSaved={onSaved}
              onCancel={onClose}
              onReload={onReload}
            />
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
