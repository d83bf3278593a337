import { Badge, Button, Field, makeStyles, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { SUMMARY_KINDS, SUMMARY_SECTIONS, SUMMARY_SLUGS, type Summary, type SummaryKind } from '../../../src/contract/summaries.js';
import { namesOfChildIn } from '../../../src/contract/plainWords.js';
import { ApiError, download, etagOf, request } from '../api/client.js';
import type { CaseProps } from '../case/caseProps.js';
import { useDraft } from '../common/drafts.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { fieldProps, labelsFrom, overLimit } from '../common/fieldProblems.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { formatDateTime } from '../labels.js';
import { useCaseEvents } from '../live/useCaseEvents.js';

const MAX = 6000;

const TITLES: Record<SummaryKind, { title: string; about: string; file: string }> = {
  court: {
    title: 'Summary for the court',
    about: 'For a court or youth panel: the plan in plain words and why relationships come first, without the formulation’s clinical detail.',
    file: 'court-summary',
  },
  adult_handover: {
    title: 'Handover summary for adult services',
    about: 'For probation, the Personal Adviser and other adult services: what the formulation found and how to work well with the young person.',
    file: 'adult-handover-summary',
  },
};

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '48rem', marginBottom: tokens.spacingVerticalXXL },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

/** The summary, or null when there is no approved formulation yet to draft it from. */
async function loadSummary(caseId: string, kind: SummaryKind) {
  try {
    return await request<Summary>('GET', `/cases/${caseId}/summaries/${SUMMARY_SLUGS[kind]}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * The summaries drafted from the approved formulation: the ECM team and psychologists word them,
 * a psychologist approves, and each approval is filed in the service's library as a new version.
 */
export default function SummariesSection(props: CaseProps) {
  return (
    <section aria-label="Summaries">
      {SUMMARY_KINDS.map((kind) => (
        <SummaryPanel key={kind} kind={kind} {...props} />
      ))}
    </section>
  );
}

function SummaryPanel({ kind, view }: CaseProps & { kind: SummaryKind }) {
  const s = useStyles();
  const loaded = useLoad(() => loadSummary(view.id, kind), [view.id, kind]);
  useCaseEvents(view.id, (e) => (e.type === 'summary.saved' || e.type === 'summary.approved') && e.data.kind === kind && loaded.reload());
  const t = TITLES[kind];
  const headingId = `summary-${kind}-h`;
  const summary = loaded.data?.body;
  return (
    <div className={s.panel} role="region" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p>{t.about}</p>
      {loaded.error ? <ErrorNotice error={loaded.error} onReload={loaded.reload} /> : null}
      {loaded.loading && !loaded.data ? <p role="status">Loading…</p> : null}
      {loaded.data === null && !loaded.loading ? (
        <p>It is drafted from the approved formulation: once a psychologist approves one, a first draft appears here.</p>
      ) : null}
      {summary ? <SummaryForm key={summary.version} kind={kind} view={view} summary={summary} onChanged={loaded.reload} /> : null}
    </div>
  );
}

function status(summary: Summary): string {
  const a = summary.approved;
  if (summary.status === 'approved' && a) return `Approved: version ${a.number}, ${formatDateTime(a.approvedAt)} by ${a.approvedByName}`;
  if (summary.version === 0) return 'First draft from the formulation, not yet saved';
  return a ? `Draft: changed since version ${a.number} was approved` : 'Draft, not yet approved';
}

function SummaryForm({ kind, view, summary, onChanged }: Pick<CaseProps, 'view'> & { kind: SummaryKind; summary: Summary; onChanged: () => void }) {
  const s = useStyles();
  const can = (a: string) => view.allowedActions.includes(a as never);
  const editable = can('summary.write') && view.status === 'active';
  const sections = SUMMARY_SECTIONS[kind];
  const labels = Object.fromEntries(sections.map((x) => [`sections.${x.key}`, x.heading]));
  const draft = useDraft(`summary:${view.id}:${kind}:${summary.version}`, () => ({ ...summary.sections }));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, submit } = useSubmitOnce();
  const slug = SUMMARY_SLUGS[kind];
  const changed = sections.some((x) => (draft.value[x.key] ?? '') !== (summary.sections[x.key] ?? ''));
  const tooLong = sections.some((x) => overLimit(draft.value[x.key] ?? '', MAX));
  const childName = view.child?.name;

  const send = async (work: (key: string) => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await submit(work);
      draft.discard();
      setDone(message);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    void send(() => request('PUT', `/cases/${view.id}/summaries/${slug}`, { sections: draft.value }, etagOf(summary.version)), 'Saved.');
  };
  const approve = () =>
    void send(
      (key) => request('POST', `/cases/${view.id}/summaries/${slug}/approve`, undefined, etagOf(summary.version), key),
      'Approved. It is being filed in the service’s library.',
    );
  const fileName = `${view.reference}_${TITLES[kind].file}.docx`;
  const fetchFile = (wording: 'approved' | 'draft') =>
    download(`/cases/${view.id}/summaries/${slug}/document?wording=${wording}`, fileName).catch((err: unknown) => setError(err));

  return (
    <form onSubmit={save} aria-label={TITLES[kind].title} className={s.panel}>
      <div className={s.bar}>
        <Badge appearance="outline" color={summary.status === 'approved' ? 'success' : 'informative'}>
          {summary.status === 'approved' ? 'Approved' : 'Draft'}
        </Badge>
        <span>{status(summary)}</span>
      </div>
      {draft.restored ? (
        <MessageBar intent="info">
          <MessageBarBody>Your unsaved wording was brought back.</MessageBarBody>
        </MessageBar>
      ) : null}
      {sections.map((x) =>
        editable ? (
          <Field
            key={x.key}
            label={x.heading}
            {...withNameWarning(
              fieldProps(error, `sections.${x.key}`, { text: draft.value[x.key] ?? '', max: MAX }),
              childName ? namesOfChildIn(draft.value[x.key] ?? '', childName).length > 0 : false,
            )}
          >
            <Textarea value={draft.value[x.key] ?? ''} onChange={(_, d) => draft.set((v) => ({ ...v, [x.key]: d.value }))} rows={4} resize="vertical" />
          </Field>
        ) : (
          <div key={x.key}>
            <h3>{x.heading}</h3>
            <p className={s.text}>{summary.sections[x.key]?.trim() || 'Not written yet.'}</p>
          </div>
        ),
      )}
      <ErrorNotice error={error} labels={labelsFrom(labels)} onReload={onChanged} onDismiss={() => setError(null)} />
      {done ? <p role="status">{done}</p> : null}
      <div className={s.bar}>
        {editable ? (
          <Button appearance="primary" type="submit" disabled={busy || tooLong || (!changed && summary.version > 0)}>
            Save wording
          </Button>
        ) : null}
        {editable && can('summary.approve') && summary.status === 'draft' && summary.version > 0 ? (
          <Button onClick={approve} disabled={busy || changed}>
            Approve and publish
          </Button>
        ) : null}
        <Button onClick={() => void fetchFile(summary.approved ? 'approved' : 'draft')}>
          {summary.approved ? 'Download the approved Word file' : 'Download the draft as Word'}
        </Button>
        {summary.approved && summary.status === 'draft' ? <Button onClick={() => void fetchFile('draft')}>Download the draft as Word</Button> : null}
      </div>
      {editable && can('summary.approve') && changed ? <p>Save the wording before approving it.</p> : null}
    </form>
  );
}

/** Beside a field that names the young person: the summary leaves the tab, so it says “the young person”. */
function withNameWarning<T extends { validationState?: 'error' | 'none'; validationMessage?: string }>(props: T, named: boolean): T {
  if (!named || props.validationState === 'error') return props;
  return {
    ...props,
    validationState: 'warning',
    validationMessage: 'This names the young person: write “the young person”. It cannot be approved while it names them.',
  } as T;
}
