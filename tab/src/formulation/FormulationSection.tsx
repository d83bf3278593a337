import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, etagOf, get, post, put } from '../api/client.js';
import type { Formulation, FormulationContent, FormulationRecord } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { clearDraft, readDraft, writeDraft } from '../common/drafts.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { formatDateTime } from '../labels.js';
import { useLiveTimeline } from '../live/useTimeline.js';
import { TimelineList } from '../timeline/TimelineList.js';
import { entryLabel, FormulationEditor, formulationLabels } from './FormulationEditor.js';
import { VersionDiff } from './VersionDiff.js';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(18rem, 1fr)',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  aside: { position: 'sticky', top: 0, alignSelf: 'start' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
});

/** Loads the newest formulation, or null when none has been started. */
async function loadRecord(caseId: string): Promise<FormulationRecord | null> {
  try {
    return await get<FormulationRecord>(`/cases/${caseId}/formulation`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * The psychologist's formulation: drafted, saved, approved (psychologists only: the buttons follow
 * allowedActions), versioned with a readable diff, each hypothesis tied to timeline evidence.
 */
export default function FormulationSection({ view }: CaseProps) {
  const s = useStyles();
  const { me, palette, today, serviceOf } = useApp();
  const record = useLoad(() => loadRecord(view.id), [view.id]);
  const timeline = useLiveTimeline(view.id, me.staffId);
  const settings = serviceOf(view.serviceId)?.settings;
  const categoryLabel = useCallback((k: string) => settings?.categories.find((c) => c.key === k)?.label ?? k, [settings]);
  const can = (a: string) => view.allowedActions.includes(a as never);
  const current = record.data?.current ?? null;
  const draftKey = current ? `formulation:${view.id}:${current.number}:${current.version}` : '';
  const [content, setContent] = useState<FormulationContent | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);

  useEffect(() => {
    if (!current) return setContent(null);
    setContent(readDraft<FormulationContent>(draftKey) ?? current.content);
  }, [current, draftKey]);

  const editable = current?.status === 'draft' && can('formulation.write') && view.status === 'active';
  const change = (c: FormulationContent) => {
    setContent(c);
    writeDraft(draftKey, c);
  };
  const describeEvidence = useCallback(
    (ids: string[]) =>
      ids
        .map((id) => timeline.entries.find((e) => e.id === id))
        .map((e) => (e ? entryLabel(e, categoryLabel) : 'an entry'))
        .join('; ') || 'none',
    [timeline.entries, categoryLabel],
  );
  const evidence = useMemo(() => new Set(content?.hypotheses.find((h) => h.id === selected)?.evidence ?? []), [content, selected]);

  const act = async (work: () => Promise<Formulation | null>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      if (draftKey) clearDraft(draftKey);
      record.reload();
      setDone(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reloadLatest = () => {
    if (draftKey) clearDraft(draftKey);
    setError(null);
    record.reload();
  };

  if (record.error) return <ErrorNotice error={record.error} onReload={record.reload} />;
  if (record.loading && !record.data) return <p role="status">Loading the formulation…</p>;

  return (
    <section aria-labelledby="formulation-h">
      <div className={s.bar}>
        <h2 id="formulation-h" style={{ margin: 0 }}>
          Formulation {current ? `— version ${current.number}` : ''}
        </h2>
        {current ? (
          <Badge color={current.status === 'approved' ? 'success' : 'informative'}>
            {current.status === 'approved' ? `Approved by ${current.approvedByName} on ${formatDateTime(current.approvedAt!)}` : 'Draft'}
          </Badge>
        ) : null}
        {editable ? (
          <Button
            appearance="primary"
            disabled={busy || !content}
            onClick={() => act(() => put(`/cases/${view.id}/formulation`, content, etagOf(current!.version)), 'Saved.')}
          >
            Save the draft
          </Button>
        ) : null}
        {current?.status === 'draft' && can('formulation.approve') && view.status === 'active' ? (
          <Button disabled={busy} onClick={() => setApproving(true)}>
            Approve version {current.number}
          </Button>
        ) : null}
        {(!current || current.status === 'approved') && can('formulation.write') && view.status === 'active' ? (
          <Button appearance="primary" disabled={busy} onClick={() => act(() => post(`/cases/${view.id}/formulation`), 'A new draft was started.')}>
            {current ? `Draft version ${current.number + 1}` : 'Start the formulation'}
          </Button>
        ) : null}
        {done && !error ? <span role="status">{done}</span> : null}
      </div>
      {approving && current ? (
        <ConfirmDialog
          title={`Approve version ${current.number}?`}
          confirm={`Approve version ${current.number}`}
          keep="Not yet"
          onConfirm={() => act(() => post(`/cases/${view.id}/formulation/approval`, undefined, etagOf(current.version)), 'Approved.')}
          onClose={() => setApproving(false)}
        >
          Once approved, version {current.number} cannot be changed: its report, youth-friendly version and timeline picture are filed in the service’s library,
          and the review clock starts.{' '}
          {editable && JSON.stringify(content) !== JSON.stringify(current.content) ? 'Your unsaved changes are not part of it: save the draft first.' : ''}
        </ConfirmDialog>
      ) : null}
      <ErrorNotice error={error} labels={content ? formulationLabels(content) : undefined} onReload={reloadLatest} onDismiss={() => setError(null)} />
      {!current ? (
        <p>
          No formulation yet.{' '}
          {can('formulation.write') ? 'Start one once the timeline has been built together.' : 'The ECM team writes it after the formulation meeting.'}
        </p>
      ) : null}
      {current && content ? (
        <div className={s.layout}>
          <FormulationEditor
            caseId={view.id}
            content={content}
            editable={editable}
            onChange={change}
            entries={timeline.entries}
            categoryLabel={categoryLabel}
            selectedHypothesis={selected}
            onSelectHypothesis={setSelected}
            trmLevels={settings?.trmLabels ?? []}
            childName={view.child?.name ?? null}
            error={error}
          />
          <aside className={s.aside} aria-label="Timeline evidence">
            <h3>Timeline evidence</h3>
            <p>Entries marked “Since approval” are in the record but not in the approved version’s documents.</p>
            <p>
              {selected
                ? `${evidence.size} entries support the selected hypothesis; they are highlighted.`
                : 'Select “Show its evidence” on a hypothesis to highlight it here.'}
            </p>
            {view.child && timeline.loaded ? (
              <TimelineList
                entries={timeline.entries.filter((e) => !e.retraction)}
                dateOfBirth={view.child.dateOfBirth}
                today={today}
                categories={settings?.categories ?? []}
                palette={palette}
                size="compact"
                height="60vh"
                highlightIds={evidence}
                approvedAt={record.data?.versions.filter((v) => v.approvedAt).at(-1)?.approvedAt ?? null}
                scrollToId={[...evidence][0] ?? null}
              />
            ) : null}
          </aside>
        </div>
      ) : null}
      {record.data && record.data.versions.length > 0 ? <VersionDiff caseId={view.id} record={record.data} describeEvidence={describeEvidence} /> : null}
    </section>
  );
}
