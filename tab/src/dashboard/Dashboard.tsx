import { Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Title2, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { post, get } from '../api/client.js';
import type { ServiceDashboard } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { useSubmitOnce } from '../common/useSubmitOnce.js';
import { useApp } from '../context.js';
import { formatDate } from '../labels.js';
import {
  ActionsOverdueByAgency,
  ActiveCases,
  AgreementsOutstanding,
  LibraryDocuments,
  Movement,
  ReviewsDue,
  Undelivered,
  UndeliveredMessages,
  Unreachable,
} from './DashboardSections.js';
import { dashboardHref } from './route.js';
import { usePagedList } from './usePagedList.js';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  tiles: {
    listStyleType: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 8rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column-reverse',
    gap: tokens.spacingVerticalXS,
  },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 34rem), 1fr))', gap: tokens.spacingHorizontalXXL },
});

/** The four case lists, each showing its first page and asking for more on request. */
function CaseLists({ d }: { d: ServiceDashboard }) {
  const id = d.service.id;
  const reviews = usePagedList(id, 'reviews', d.reviews, d.pages?.reviews);
  const agreements = usePagedList(id, 'agreements-outstanding', d.agreementsOutstanding, d.pages?.agreementsOutstanding);
  const movement = usePagedList(id, 'trm-movement', d.trmMovement.cases, d.pages?.trmMovement);
  const active = usePagedList(id, 'active-cases', d.activeCases, d.pages?.activeCases);
  return (
    <>
      <ReviewsDue rows={d.reviews} paged={reviews} />
      <AgreementsOutstanding rows={d.agreementsOutstanding} paged={agreements} />
      <ActionsOverdueByAgency rows={d.actionsOverdueByAgency ?? []} />
      <Movement movement={d.trmMovement} paged={movement} />
      <ActiveCases rows={d.activeCases} paged={active} />
    </>
  );
}

/**
 * The manager's view of one service: what waits, how the children have moved on the TRM, who the
 * bot cannot reach, the library and what has not been delivered. Read-only; one audited call.
 * A manager sees only their own service; ECM staff choose among the services they serve.
 */
export default function Dashboard({ serviceId }: { serviceId: string | null }) {
  const s = useStyles();
  const { me } = useApp();
  const mine = me.services.filter((sv) => me.serviceActions[sv.id]?.includes('dashboard.read'));
  const chosen = mine.find((sv) => sv.id === serviceId) ?? mine[0] ?? null;
  const dashboard = useLoad(() => (chosen ? get<ServiceDashboard>(`/services/${chosen.id}/dashboard`) : Promise.resolve(null)), [chosen?.id]);
  useEffect(() => {
    document.title = `Service dashboard${chosen ? ` — ${chosen.name}` : ''} — ECM for Teams`;
  }, [chosen]);
  const once = useSubmitOnce();
  const [retried, setRetried] = useState<{ text: string; error: unknown } | null>(null);
  const mayRetry = chosen ? (me.serviceActions[chosen.id]?.includes('deliveries.retry') ?? false) : false;
  /** After a fix (a site grant, a secret): one blocked or given-up delivery, or all of them, tried again now. */
  const retry = async (jobId?: string) => {
    if (!chosen) return;
    try {
      const r = await once.submit((key) => post<{ retried: number }>(`/services/${chosen.id}/undelivered/retry`, jobId ? { jobId } : {}, null, key));
      if (!r) return;
      setRetried({ text: r.retried === 1 ? 'One delivery is being tried again now.' : `${r.retried} deliveries are being tried again now.`, error: null });
      dashboard.reload();
    } catch (error) {
      setRetried({ text: '', error });
    }
  };

  if (!chosen) {
    return (
      <section aria-labelledby="dashboard-title">
        <Title2 as="h1" id="dashboard-title">
          Service dashboard
        </Title2>
        <p>Your role has no service dashboard. Managers see their own service; the ECM team sees the services it serves.</p>
      </section>
    );
  }
  const d = dashboard.data?.service.id === chosen.id ? dashboard.data : null;
  // Counted by the server over the whole caseload; the lists come a page at a time.
  const overdue = d ? (d.reviewCounts?.overdue ?? d.reviews.filter((r) => r.state === 'overdue').length) : 0;
  const reviewsTotal = d ? (d.pages?.reviews.total ?? d.reviews.length) : 0;
  const tiles: [string, number][] = d
    ? [
        ['Active cases', d.counts.active],
        ['Waiting on agreement', d.pages?.agreementsOutstanding.total ?? d.agreementsOutstanding.length],
        ['Reviews overdue', overdue],
        ['Reviews due or due soon', reviewsTotal - overdue],
        ['People the bot cannot reach', d.unreachable.length],
        ['Documents not yet delivered', d.undelivered.length],
        ['People with messages not delivered', d.undeliveredMessages.length],
      ]
    : [];

  return (
    <section aria-labelledby="dashboard-title">
      <div className={s.head}>
        <Title2 as="h1" id="dashboard-title">
          {chosen.name}
        </Title2>
        {mine.length > 1 ? (
          <Field label="Service">
            <Select value={chosen.id} onChange={(_, v) => (window.location.hash = dashboardHref(v.value))}>
              {mine.map((sv) => (
                <option key={sv.id} value={sv.id}>
                  {sv.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      <ErrorNotice error={dashboard.error} />
      {!d ? <p role="status">Loading the service dashboard…</p> : null}
      {d ? (
        <>
          <p>
            As of {formatDate(d.today)}. Cases are named by reference; open one to see more. {d.counts.closed} closed{' '}
            {d.counts.closed === 1 ? 'case is' : 'cases are'} kept for their retention period.
          </p>
          {d.messagesWaitForPlayground ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Local mode</MessageBarTitle>
                Teams messages wait until each person opens the bot in the Agents Playground (<code>npm run playground</code>). Until then they are listed as
                people the bot cannot reach; nothing is lost, and their messages are sent when they open it.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <ul className={s.tiles} aria-label="At a glance">
            {tiles.map(([label, n]) => (
              <li key={label} className={s.tile}>
                <span>{label}</span>
                <span className={s.number}>{n}</span>
              </li>
            ))}
          </ul>
          <div className={s.grid}>
            <CaseLists d={d} />
            <Unreachable rows={d.unreachable} />
            <div>
              <Undelivered rows={d.undelivered} retry={mayRetry ? (jobId) => void retry(jobId) : null} />
              <p role="status">{retried?.text}</p>
              <ErrorNotice error={retried?.error ?? null} />
            </div>
            <UndeliveredMessages rows={d.undeliveredMessages} />
          </div>
          <LibraryDocuments library={d.library} />
        </>
      ) : null}
    </section>
  );
}
