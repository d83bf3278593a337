import { Button, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { Add20Regular, Print20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { TimelineEntry } from '../api/types.js';
import type { CaseProps } from '../case/caseProps.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { Later } from '../common/Later.js';
import { preload } from '../common/modules.js';
import { useApp } from '../context.js';
import { useLiveTimeline } from '../live/useTimeline.js';
import { applyFilter, NO_FILTER, TimelineFilters, type TimelineFilter } from './Filters.js';
import { Legend } from './Legend.js';
import { describeWhen } from './layout.js';
import { freshMap, LiveStatus } from './LiveStatus.js';
import { TimelineList } from './TimelineList.js';
import { useRecentlyChanged } from './wall/useRecentlyChanged.js';
import { TimelineSearchBox } from './TimelineSearch.js';
import { useTimelineSearch } from './useTimelineSearch.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
    '@media print': { display: 'none' },
  },
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM, '@media print': { display: 'none' } },
  printTitle: { display: 'none', '@media print': { display: 'block' } },
});

/**
 * What the list's first render does not need, loaded once it is drawn (or when asked for first):
 * the wall, the jigsaw, and the dialogs that add, change or show an entry.
 */
const LATER = {
  wall: () => import('./wall/Wall.js'),
  jigsaw: () => import('./Jigsaw.js'),
  entry: () => import('./wall/EntryDialog.js'),
  dialogs: () => import('./EntryDialogs.js'),
};

/** The heart of the tab: the child's whole life, from the pregnancy to today, built by everyone around them. */
export default function TimelineSection({ view }: CaseProps) {
  const s = useStyles();
  const { me, palette, today, serviceOf } = useApp();
  const t = useLiveTimeline(view.id, me.staffId);
  const categories = serviceOf(view.serviceId)?.settings.categories ?? [];
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TimelineEntry | null>(null);
  const [retracting, setRetracting] = useState<TimelineEntry | null>(null);
  const [restricting, setRestricting] = useState<TimelineEntry | null>(null);
  const [history, setHistory] = useState<TimelineEntry | null>(null);
  const [printing, setPrinting] = useState(false);
  const [jigsawOpen, setJigsawOpen] = useState(false);
  const [shownAs, setShownAs] = useState<'list' | 'wall'>('list');
  const [opened, setOpened] = useState<string | null>(null);
  const recent = useRecentlyChanged(t.notes);
  const [words, setWords] = useState('');
  // Words are searched in the database; agency and life stage narrow the search there too.
  const search = useTimelineSearch(view.id, words, { agencies: filter.agencies, lifeStages: filter.lifeStages }, t.entries);
  const shown = useMemo(
    () => applyFilter(search.active ? (search.result?.items.map((m) => m.entry) ?? []) : t.entries, filter),
    [t.entries, filter, search.active, search.result],
  );
  const marks = useMemo(() => new Map(search.result?.items.map((m) => [m.entry.id, m.highlights]) ?? []), [search.result]);
  const fresh = useMemo(() => freshMap(t.notes), [t.notes]);
  const onWall = useMemo(() => shown.filter((e) => !e.retraction), [shown]);
  const can = (a: string) => view.allowedActions.includes(a as never);

  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  useEffect(() => {
    if (!t.loaded) return;
    performance.mark('ecm:timeline-rendered');
    const id = setTimeout(() => Object.values(LATER).forEach((load: () => Promise<unknown>) => preload(load)), 0);
    return () => clearTimeout(id);
  }, [t.loaded]);

  if (!view.child) return null;
  const { dateOfBirth } = view.child;
  const describe = (id: string) => {
    const e = t.entries.find((x) => x.id === id);
    return e ? `${describeWhen(e.when).text}, ${categories.find((c) => c.key === e.category)?.label ?? e.category}` : '';
  };
  const saved = (e: TimelineEntry) => {
    t.upsert(e);
    setAdding(false);
    setEditing(null);
    setRetracting(null);
    setRestricting(null);
  };

  return (
    <section aria-labelledby="timeline-h">
      <p className={s.printTitle}>
        <strong>Life timeline — {view.reference}</strong>
      </p>
      <div className={s.bar}>
        <h2 id="timeline-h" style={{ margin: 0 }}>
          Life timeline
        </h2>
        <LiveStatus state={t.live} notes={t.notes} describe={describe} />
        <span>
          {shown.length} of {t.entries.filter((e) => !e.retraction).length} entries shown{search.active ? ' (searched)' : ''}
        </span>
        {can('timeline.add') && view.status === 'active' ? (
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>
            Add an entry
          </Button>
        ) : null}
        <Button icon={<Print20Regular />} onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <div className={s.tools}>
        <TimelineSearchBox
          id="timeline-search"
          label="Search the timeline"
          hint="Words from the entries, e.g. “exclu” finds “excluded”. The agency and life stage filters narrow it."
          value={words}
          onChange={setWords}
          state={search}
        />
        <TimelineFilters entries={t.entries} categories={categories} value={filter} onChange={setFilter} />
        <Legend categories={categories} palette={palette} />
      </div>
      <details className={s.tools} onToggle={(e) => setJigsawOpen(e.currentTarget.open)}>
        <summary>Who knows what: the jigsaw of the child’s life</summary>
        {/* Loaded only once opened: the grid is one more request, and most visits do not need it. */}
        {jigsawOpen ? (
          <Later load={LATER.jigsaw} waiting={<p role="status">Loading…</p>}>
            {({ Jigsaw }) => (
              <Jigsaw caseId={view.id} liveEntries={t.entries.filter((e) => !e.retraction).length} mayAsk={can('timeline.ask') && view.status === 'active'} />
            )}
          </Later>
        ) : null}
      </details>
      <ErrorNotice error={t.error} onReload={t.reload} />
      <ErrorNotice error={search.error} />
      {!t.loaded && !t.error ? <p role="status">Loading the timeline…</p> : null}
      <RadioGroup
        className={s.tools}
        layout="horizontal"
        value={shownAs}
        onChange={(_, d) => setShownAs(d.value as 'list' | 'wall')}
        aria-label="Show the timeline as"
      >
        <Radio value="list" label="List" />
        <Radio value="wall" label="Wall (the whole life as one picture)" />
      </RadioGroup>
      {t.loaded && shownAs === 'wall' && !printing ? (
        <Later load={LATER.wall} waiting={<p role="status">Loading the wall…</p>}>
          {({ Wall }) => (
            <Wall
              entries={onWall}
              dateOfBirth={dateOfBirth}
              today={today}
              categories={categories}
              palette={palette}
              highlight={recent}
              onOpen={(e) => setOpened(e.id)}
            />
          )}
        </Later>
      ) : null}
      {opened && onWall.find((e) => e.id === opened) ? (
        <Later load={LATER.entry}>
          {({ EntryDialog }) => (
            <EntryDialog
              entry={onWall.find((e) => e.id === opened)!}
              categories={categories}
              palette={palette}
              may={t.may(onWall.find((e) => e.id === opened)!)}
              onClose={() => setOpened(null)}
              onHistory={(e) => (setOpened(null), setHistory(e))}
              onEdit={(e) => (setOpened(null), setEditing(e))}
              onRetract={(e) => (setOpened(null), setRetracting(e))}
              onRestrict={(e) => (setOpened(null), setRestricting(e))}
            />
          )}
        </Later>
      ) : null}
      {t.loaded && (shownAs === 'list' || printing) ? (
        <TimelineList
          entries={shown}
          dateOfBirth={dateOfBirth}
          today={today}
          categories={categories}
          palette={palette}
          fresh={fresh}
          marks={marks}
          printing={printing}
          may={t.may}
          onEdit={setEditing}
          onRetract={setRetracting}
          onRestrict={setRestricting}
          onHistory={setHistory}
        />
      ) : null}
      {adding || editing ? (
        <Later load={LATER.dialogs}>
          {({ EntryFormDialog }) => (
            <EntryFormDialog
              caseId={view.id}
              categories={categories}
              myAgency={me.agency}
              editing={editing}
              onSaved={saved}
              onClose={() => (setAdding(false), setEditing(null))}
              onReload={() => (setEditing(null), t.reload())}
            />
          )}
        </Later>
      ) : null}
      {retracting ? (
        <Later load={LATER.dialogs}>
          {({ RetractDialog }) => (
            <RetractDialog
              caseId={view.id}
              entry={retracting}
              onDone={saved}
              onClose={() => setRetracting(null)}
              onReload={() => (setRetracting(null), t.reload())}
            />
          )}
        </Later>
      ) : null}
      {restricting ? (
        <Later load={LATER.dialogs}>
          {({ RestrictDialog }) => (
            <RestrictDialog
              caseId={view.id}
              entry={restricting}
              onDone={saved}
              onClose={() => setRestricting(null)}
              onReload={() => (setRestricting(null), t.reload())}
            />
          )}
        </Later>
      ) : null}
      {history ? (
        <Later load={LATER.dialogs}>
          {({ EntryHistoryDialog }) => <EntryHistoryDialog caseId={view.id} entry={history} categories={categories} onClose={() => setHistory(null)} />}
        </Later>
      ) : null}
    </section>
  );
}
