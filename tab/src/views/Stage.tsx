import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { request } from '../api/client.js';
import type { CaseView } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { useLiveTimeline } from '../live/useTimeline.js';
import { Legend } from '../timeline/Filters.js';
import { describeWhen } from '../timeline/layout.js';
import { freshMap, LiveStatus } from '../timeline/LiveStatus.js';
import { TimelineList } from '../timeline/TimelineList.js';
import { meetingCase } from './CaseChooser.js';

const useStyles = makeStyles({
  stage: { padding: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase400 },
  head: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
});

/** The meeting stage: the whole timeline, large and read-only, following what everyone adds. */
export default function Stage() {
  const s = useStyles();
  const { host, me, palette, today, serviceOf } = useApp();
  const caseId = host.caseId ?? meetingCase();
  const c = useLoad(() => (caseId ? request<CaseView>('GET', `/cases/${caseId}`) : Promise.resolve(null)), [caseId]);
  const t = useLiveTimeline(caseId, me.staffId);
  const fresh = useMemo(() => freshMap(t.notes), [t.notes]);
  const view = c.data?.body;
  if (!caseId) return <main className={s.stage}>Open the ECM side panel and choose the case first.</main>;
  if (c.error) return <ErrorNotice error={c.error} />;
  if (!view?.child) return <p role="status">Loading…</p>;
  const categories = serviceOf(view.serviceId)?.settings.categories ?? [];
  return (
    <main className={s.stage} aria-label="Shared life timeline">
      <div className={s.head}>
        <h1 style={{ margin: 0 }}>Life timeline · {view.reference}</h1>
        <LiveStatus
          state={t.live}
          notes={t.notes}
          describe={(id) => describeWhen(t.entries.find((e) => e.id === id)?.when ?? { precision: 'year', year: 0 }).text}
        />
        <span>{t.entries.filter((e) => !e.retraction).length} entries</span>
      </div>
      <Legend categories={categories} palette={palette} />
      <ErrorNotice error={t.error} onReload={t.reload} />
      {t.loaded ? (
        <TimelineList
          entries={t.entries.filter((e) => !e.retraction)}
          dateOfBirth={view.child.dateOfBirth}
          today={today}
          categories={categories}
          palette={palette}
          size="large"
          height="78vh"
          fresh={fresh}
        />
      ) : null}
    </main>
  );
}
