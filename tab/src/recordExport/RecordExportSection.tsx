import { Button, Field, makeStyles, ProgressBar, Select, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { download, get, post } from '../api/client.js';
import type { RecordExportView } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps } from '../common/fieldProblems.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { AGENCY_LABELS, formatDateTime, label } from '../labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  item: { marginBottom: tokens.spacingVerticalM },
  quiet: { color: tokens.colorNeutralForeground2 },
  // A target at least 24 px high (WCAG 2.2 target size).
  summary: { cursor: 'pointer', minHeight: '24px', paddingBlock: tokens.spacingVerticalXS },
});

const REQUESTERS = [
  ['young_person', 'The young person'],
  ['parent_carer', 'Their parent or carer'],
  ['solicitor', 'Their solicitor'],
  ['other', 'Someone else on their behalf'],
] as const;

const STATES: Record<RecordExportView['state'], string> = {
  queued: 'Waiting to start',
  building: 'Being built',
  ready: 'Ready',
  failed: 'Could not be built',
  expired: 'Gone (kept for seven days)',
};

const NOTE_MAX = 500;
/** How often a build in progress is asked after: the build writes its progress after each step. */
const POLL_MS = 1500;

/**
 * The child's copy of their record (docs/record-export.md): a manager starts an export, watches it
 * being built, and downloads the zip for seven days; the entries to review before release are
 * listed with it. Only for those who may export the case's record.
 */
export default function RecordExportSection({ view }: CaseProps) {
  const s = useStyles();
  const loaded = useLoad(() => get<{ items: RecordExportView[] }>(`/cases/${view.id}/record-exports`), [view.id]);
  const [requestedFor, setRequestedFor] = useState<string>('young_person');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const once = useSubmitOnce();
  const items = loaded.data?.items ?? [];
  const building = items.some((e) => e.state === 'queued' || e.state === 'building');

  useEffect(() => {
    if (!building) return;
    const timer = setTimeout(loaded.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [building, loaded.data, loaded.reload]);

  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await once.submit((key) => post<RecordExportView>(`/cases/${view.id}/record-exports`, { requestedFor, ...(note.trim() ? { note } : {}) }, null, key));
      setNote('');
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  const fetchZip = (x: RecordExportView) => {
    if (!x.download) return;
    setError(null);
    download(x.download.href.replace(/^\/api\/v1/, ''), x.download.fileName).catch((err: unknown) => setError(err));
  };

  return (
    <section aria-labelledby="export-h">
      <h2 id="export-h">Export the record</h2>
      <p>
        When the young person, their parent or their solicitor asks for everything held about them, export the record: one zip with the case, agreements, the
        timeline and its history, formulations, TRM placements, meetings, actions, documents and who read the record. Only you can download your export, for
        seven days. Entries that may name other people are listed: review them, and redact by hand, before release.
      </p>
      <form className={s.form} onSubmit={start} aria-labelledby="export-start-h">
        <h3 id="export-start-h">Start an export</h3>
        <ErrorNotice error={error ?? loaded.error} onReload={loaded.reload} />
        <Field label="Who asked for the record" required {...fieldProps(error, 'requestedFor')}>
          <Select value={requestedFor} onChange={(_, d) => setRequestedFor(d.value)}>
            {REQUESTERS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Note (optional, kept in the zip only)" {...fieldProps(error, 'note', { text: note, max: NOTE_MAX })}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={once.busy || building}>
            Export the record
          </Button>
        </div>
      </form>
      <h3>Exports</h3>
      {!loaded.data ? <p role="status">Loading the exports…</p> : null}
      {loaded.data && items.length === 0 ? <p>No export of this record yet.</p> : null}
      <ul className={s.list} aria-label="Exports of the record">
        {items.map((x) => (
          <li key={x.id} className={s.item}>
            <p>
              <strong>{STATES[x.state]}</strong> — started by {x.startedByYou ? 'you' : (x.requestedBy.name ?? 'someone')} on {formatDateTime(x.requestedAt)}
              {x.state === 'ready' ? `; kept until ${formatDateTime(x.expiresAt)}` : ''}
            </p>
            {x.state === 'queued' || x.state === 'building' ? (
              <Field label={x.progress.step ?? 'Building'} validationState="none">
                <ProgressBar value={x.progress.percent / 100} aria-valuetext={`${x.progress.percent}%`} />
              </Field>
            ) : null}
            {x.download ? (
              <Button onClick={() => fetchZip(x)}>
                Download {x.download.fileName} ({Math.ceil((x.size ?? 0) / 1024)} KB)
              </Button>
            ) : null}
            {x.state === 'ready' ? <ReviewList x={x} listClass={s.list} quietClass={s.quiet} summaryClass={s.summary} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReviewList({ x, listClass, quietClass, summaryClass }: { x: RecordExportView; listClass: string; quietClass: string; summaryClass: string }) {
  if (x.review.length === 0 && x.withheld.length === 0) return <p className={quietClass}>No entry was listed for review.</p>;
  return (
    <details>
      <summary className={summaryClass}>
        To review before release: {x.review.length} {x.review.length === 1 ? 'entry' : 'entries'}
        {x.withheld.length ? `; ${x.withheld.length} restricted, withheld` : ''}
      </summary>
      <ul className={listClass} aria-label="Entries to review before release">
        {x.review.map((r) => (
          <li key={r.entryId}>
            {label(AGENCY_LABELS, r.sourceAgency)}, entry {r.entryId.slice(0, 8)}: {r.reasons.join('; ')}
          </li>
        ))}
        {x.withheld.map((id) => (
          <li key={id}>Entry {id.slice(0, 8)}: restricted, withheld</li>
        ))}
      </ul>
    </details>
  );
}
