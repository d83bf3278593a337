import { makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { request } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { Later } from '../common/Later.js';
import { preload } from '../common/modules.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { useLiveTimeline } from '../live/useTimeline.js';
import { caseFromPrefetch } from '../prefetched.js';
import { Legend } from '../timeline/Legend.js';
import { describeWhen } from '../timeline/layout.js';
import { freshMap, LiveStatus } from '../timeline/LiveStatus.js';
import { useRecentlyChanged } from '../timeline/wall/useRecentlyChanged.js';
import { Wall } from '../timeline/wall/Wall.js';
import { meetingCase } from '../meetingCase.js';

const useStyles = makeStyles({
  stage: { padding: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase400 },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
});

/**
 * What the wall's first draw does not need, loaded once the wall is drawn (or when asked for first):
 * the list (and its virtual scroller), the jigsaw and an entry's dialog.
 */
const LATER = {
  list: () => import('../timeline/TimelineList.js'),
  jigsaw: () => import('../timeline/Jigsaw.js'),
  entry: () => import('../timeline/wall/EntryDialog.js'),
};

/**
 * The meeting stage: the child's whole life as the timeline wall, large and read-only, following
 * what everyone adds (highlighted for a few seconds as it arrives); the list is a choice away.
 */
export default function Stage() {
  const s = useStyles();
  const { host, me, palette, today, serviceOf } = useApp();
  const caseId = host.caseId ?? meetingCase();
  const c = useLoad(() => (caseId ? (caseFromPrefetch(caseId) ?? request<CaseView>('GET', `/cases/${caseId}`)) : Promise.resolve(null)), [caseId]);
  const t = useLiveTimeline(caseId, me.staffId);
  const fresh = useMemo(() => freshMap(t.notes), [t.notes]);
  const recent = useRecentlyChanged(t.notes);
  const live = useMemo(() => t.entries.filter((e) => !e.retraction), [t.entries]);
  const [shownAs, setShownAs] = useState<'wall' | 'list'>('wall');
  const [opened, setOpened] = useState<string | null>(null);
  const [jigsawOpen, setJigsawOpen] = useState(false);
  const view = c.data?.body;
  useEffect(() => {
    if (!t.loaded) return;
    const id = setTimeout(() => Object.values(LATER).forEach((load: () => Promise<unknown>) => preload(load)), 0);
    return () => clearTimeout(id);
  }, [t.loaded]);
  if (!caseId) return <main className={s.stage}>Open the ECM side panel and choose the case first.</main>;
  if (c.error) return <ErrorNotice error={c.error} />;
  if (!view?.child) return <p role="status">Loading…</p>;
  const categories = serviceOf(view.serviceId)?.settings.categories ?? [];
  const { dateOfBirth } = view.child;
  return (
    <main className={s.stage} aria-label="Shared life timeline">
      <div className={s.head}>
        <h1 style={{ margin: 0 }}>Life timeline · {view.reference}</h1>
        <LiveStatus
          state={t.live}
          notes={t.notes}
          describe={(id) => describeWhen(t.entries.find((e) => e.id === id)?.when ?? { precision: 'year', year: 0 }).text}
        />
        <span>{live.length} entries</span>
        <RadioGroup layout="horizontal" value={shownAs} onChange={(_, d) => setShownAs(d.value as 'wall' | 'list')} aria-label="Show the timeline as">
          <Radio value="wall" label="Wall" />
          <Radio value="list" label="List" />
        </RadioGroup>
      </div>
      <Legend categories={categories} palette={palette} />
      <ErrorNotice error={t.error} onReload={t.reload} />
      {t.loaded && shownAs === 'wall' ? (
        <Wall
          entries={live}
          dateOfBirth={dateOfBirth}
          today={today}
          categories={categories}
          palette={palette}
          size="stage"
          highlight={recent}
          onOpen={(e) => setOpened(e.id)}
          onDrawn={() => performance.mark('ecm:wall-drawn')}
        />
      ) : null}
      {t.loaded && shownAs === 'list' ? (
        <Later load={LATER.list} waiting={<p role="status">Loading the list…</p>}>
          {({ TimelineList }) => (
            <TimelineList
              entries={live}
              dateOfBirth={dateOfBirth}
              today={today}
              categories={categories}
              palette={palette}
              size="large"
              height="78vh"
              fresh={fresh}
            />
          )}
        </Later>
      ) : null}
      {/* Beside the wall, the jigsaw of who knows what, read-only as the stage is: the chair asks from the tab or side panel. */}
      <details onToggle={(e) => setJigsawOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>Who knows what: the jigsaw of the child’s life</summary>
        {jigsawOpen && caseId ? (
          <Later load={LATER.jigsaw} waiting={<p role="status">Loading…</p>}>
            {({ Jigsaw }) => <Jigsaw caseId={caseId} liveEntries={live.length} />}
          </Later>
        ) : null}
      </details>
      {opened && live.find((e) => e.id === opened) ? (
        <Later load={LATER.entry}>
          {({ EntryDialog }) => (
            <EntryDialog entry={live.find((e) => e.id === opened)!} categories={categories} palette={palette} onClose={() => setOpened(null)} />
          )}
        </Later>
      ) : null}
    </main>
  );
}
