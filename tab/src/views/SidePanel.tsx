import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { request } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { useLiveTimeline } from '../live/useTimeline.js';
import { AttendanceRegister } from '../meetings/AttendanceRegister.js';
import { NotesOfMeetingNow } from '../meetings/MeetingNotes.js';
import { EntryForm } from '../timeline/EntryForm.js';
import { QuestionsForMe } from '../timeline/QuestionsForMe.js';
import { freshMap, LiveStatus } from '../timeline/LiveStatus.js';
import { describeWhen } from '../timeline/layout.js';
import { CategoryIcon, lookOf, ToneMark } from '../timeline/categories.js';
import { EntryDialog } from '../timeline/wall/EntryDialog.js';
import { useRecentlyChanged } from '../timeline/wall/useRecentlyChanged.js';
import { Wall } from '../timeline/wall/Wall.js';
import { meetingCase, rememberMeetingCase } from '../meetingCase.js';
import { CaseChooser } from './CaseChooser.js';

const useStyles = makeStyles({
  panel: { width: '100%', maxWidth: '100vw', boxSizing: 'border-box', padding: tokens.spacingHorizontalS, overflowX: 'hidden', '& *': { maxWidth: '100%' } },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  item: { padding: `${tokens.spacingVerticalS} 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  line: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  fresh: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
  details: { marginTop: tokens.spacingVerticalM },
});

/** The meeting side panel (320 px): add an entry in a few taps, see the latest as they arrive. Vertical scroll only. */
export default function SidePanel() {
  const s = useStyles();
  const { host } = useApp();
  const [caseId, setCaseId] = useState(host.caseId ?? meetingCase());
  return (
    <main className={s.panel} aria-label="ECM side panel">
      {caseId ? (
        <PanelForCase key={caseId} caseId={caseId} />
      ) : (
        <>
          <h1 style={{ fontSize: '1.1rem' }}>ECM for this meeting</h1>
          <CaseChooser value="" onChange={(id) => (rememberMeetingCase(id), setCaseId(id))} />
        </>
      )}
    </main>
  );
}

function PanelForCase({ caseId }: { caseId: string }) {
  const s = useStyles();
  const { me, palette, serviceOf, today } = useApp();
  const c = useLoad(() => request<CaseView>('GET', `/cases/${caseId}`), [caseId]);
  const t = useLiveTimeline(caseId, me.staffId);
  const view = c.data?.body;
  const categories = (view && serviceOf(view.serviceId)?.settings.categories) || [];
  const fresh = useMemo(() => freshMap(t.notes), [t.notes]);
  const recent = useRecentlyChanged(t.notes);
  const live = useMemo(() => t.entries.filter((e) => !e.retraction), [t.entries]);
  const [opened, setOpened] = useState<string | null>(null);
  const latest = useMemo(
    () =>
      [...t.entries]
        .filter((e) => !e.retraction)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, 20),
    [t.entries],
  );
  if (c.error) return <ErrorNotice error={c.error} />;
  if (!view) return <p role="status">Loading…</p>;
  const describe = (id: string) => {
    const e = t.entries.find((x) => x.id === id);
    return e ? describeWhen(e.when).text : '';
  };
  return (
    <>
      <div className={s.head}>
        <h1 style={{ fontSize: '1.1rem', margin: 0 }}>{view.reference}</h1>
        <LiveStatus state={t.live} notes={t.notes} describe={describe} />
      </div>
      {view.allowedActions.includes('timeline.read') && view.status === 'active' ? (
        <QuestionsForMe caseId={caseId} categories={categories} mayAdd={view.allowedActions.includes('timeline.add')} onSaved={t.upsert} />
      ) : null}
      {view.allowedActions.includes('timeline.add') && view.status === 'active' ? (
        <details className={s.details} open>
          <summary>Add to the timeline</summary>
          <EntryForm compact caseId={caseId} categories={categories} myAgency={me.agency} onSaved={t.upsert} />
        </details>
      ) : null}
      {view.allowedActions.includes('meeting.read') ? (
        <details className={s.details}>
          <summary>Attendance register</summary>
          <AttendanceRegister caseId={caseId} mayTake={view.allowedActions.includes('meeting.recordOutcome') && view.status === 'active'} />
        </details>
      ) : null}
      {view.allowedActions.includes('meeting.read') ? (
        <details className={s.details}>
          <summary>Meeting notes</summary>
          <NotesOfMeetingNow caseId={caseId} mayWrite={view.allowedActions.includes('meeting.recordOutcome') && view.status === 'active'} />
        </details>
      ) : null}
      {view.child && t.loaded ? (
        <section aria-labelledby="strip-h">
          <h2 id="strip-h" style={{ fontSize: '1rem' }}>
            The wall
          </h2>
          <Wall
            entries={live}
            dateOfBirth={view.child.dateOfBirth}
            today={today}
            categories={categories}
            palette={palette}
            size="strip"
            highlight={recent}
            onOpen={(e) => setOpened(e.id)}
          />
        </section>
      ) : null}
      {opened && live.find((e) => e.id === opened) ? (
        <EntryDialog entry={live.find((e) => e.id === opened)!} categories={categories} palette={palette} onClose={() => setOpened(null)} />
      ) : null}
      <h2 style={{ fontSize: '1rem' }}>Latest entries</h2>
      <ErrorNotice error={t.error} onReload={t.reload} />
      <ul className={s.list} aria-label="Latest timeline entries, newest first">
        {latest.map((e) => {
          const cat = categories.find((x) => x.key === e.category);
          const look = lookOf(cat, palette);
          return (
            <li key={e.id} className={`${s.item} ${fresh.has(e.id) ? s.fresh : ''}`} data-entry-id={e.id}>
              <div className={s.line}>
                <ToneMark look={look} />
                <CategoryIcon look={look} />
                <strong>{describeWhen(e.when).text}</strong>
                <span>· {cat?.label ?? e.category}</span>
              </div>
              <div>{e.description}</div>
              <small>
                {e.contributorName}
                {fresh.has(e.id) ? ` · new (${fresh.get(e.id)})` : ''}
              </small>
            </li>
          );
        })}
      </ul>
      {latest.length === 0 && t.loaded ? <p>No entries yet. Add the first piece of the jigsaw.</p> : null}
    </>
  );
}
