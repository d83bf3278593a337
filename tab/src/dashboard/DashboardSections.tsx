import { Badge, Button, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ServiceDashboard } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { ScrollRegion } from '../common/ScrollRegion.js';
import { SortableTable, type Column } from '../common/SortableTable.js';
import {
  AGENCY_LABELS,
  AGREEMENT_LABELS,
  PARTY_LABELS,
  DOCUMENT_TYPE_LABELS,
  formatDate,
  formatDateTime,
  JOB_KIND_LABELS,
  JOB_STATUS_LABELS,
  label,
  MOVEMENT_LABELS,
  REVIEW_LABELS,
  STATUS_LABELS,
  UNREACHABLE_LABELS,
  whyOfJob,
} from '../labels.js';
import { hrefOf } from '../router.js';
import { MOVEMENT_MARKS, MOVEMENT_ORDER, MovementChart } from './MovementChart.js';
import { MORE, type PagedList } from './usePagedList.js';

const useStyles = makeStyles({
  error: { overflowWrap: 'anywhere', display: 'inline-block', minWidth: '10rem' },
  // A target at least 24 px high (WCAG 2.5.8).
  summary: { cursor: 'pointer', minHeight: '24px', paddingBlock: tokens.spacingVerticalXS },
  more: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBlock: tokens.spacingVerticalS },
});

/** Under a list shown a page at a time: how many of how many, and a button for the next page. */
function ShowMore({ paged, what }: { paged: PagedList<unknown> | undefined; what: string }) {
  const s = useStyles();
  if (!paged || paged.total <= 0) return null;
  const left = paged.total - paged.rows.length;
  return (
    <div className={s.more}>
      <span role="status">
        {paged.rows.length} of {paged.total} shown
      </span>
      {paged.more ? (
        <Button onClick={paged.more} disabled={paged.loading} aria-label={`Show ${Math.min(MORE, left)} more of ${what}`}>
          {paged.loading ? 'Loading…' : `Show ${Math.min(MORE, left)} more`}
        </Button>
      ) : null}
      <ErrorNotice error={paged.error} />
    </div>
  );
}

/** "BRI-2026-0001, BRI-2026-0002 and 12 more": a list of references cut short, with how many are left. */
const andMore = (shown: number, total: number) => (total > shown ? ` and ${total - shown} more` : '');

type D = ServiceDashboard;

const caseLink = (caseId: string, reference: string) => <Link href={hrefOf({ view: 'case', caseId, section: 'overview' })}>{reference}</Link>;
const PATHWAYS: Record<string, string> = { statutory_ecm: 'Statutory ECM', consultation: 'Case consultation' };

/** A section with a heading, a line for when it is empty, and its table in a box that scrolls on its own. */
function Part<T>(p: {
  id: string;
  title: string;
  intro?: ReactNode;
  empty: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (r: T) => string;
  initialSort?: { key: string; direction: 'ascending' | 'descending' };
  /** A list shown a page at a time: the rows so far, and the next page on request. */
  paged?: PagedList<T>;
}) {
  const rows = p.paged?.rows ?? p.rows;
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      {p.intro}
      {rows.length === 0 ? (
        <p>{p.empty}</p>
      ) : (
        <>
          <ScrollRegion label={p.title}>
            <SortableTable caption={p.title} rows={rows} columns={p.columns} rowKey={p.rowKey} {...(p.initialSort ? { initialSort: p.initialSort } : {})} />
          </ScrollRegion>
          {p.paged && p.paged.total > rows.length ? <ShowMore paged={p.paged as PagedList<unknown>} what={p.title} /> : null}
        </>
      )}
    </section>
  );
}

const REVIEW_RANK: Record<string, number> = { overdue: 0, due: 1, due_soon: 2 };

export function ReviewsDue({ rows, paged }: { rows: D['reviews']; paged?: PagedList<D['reviews'][number]> }) {
  return (
    <Part
      {...(paged ? { paged } : {})}
      id="dash-reviews"
      title="Reviews due and overdue"
      empty="No review is due in the next 14 days, and none is overdue."
      rows={rows}
      rowKey={(r) => r.caseId}
      columns={[
        { key: 'reference', label: 'Case', sortValue: (r) => r.reference, render: (r) => caseLink(r.caseId, r.reference) },
        {
          key: 'state',
          label: 'State',
          sortValue: (r) => `${REVIEW_RANK[r.state]}${r.nextReviewDue}`,
          render: (r) =>
            r.state === 'overdue' ? (
              <Badge color="danger" icon={<Warning16Regular />}>
                Overdue
              </Badge>
            ) : (
              <Badge color="warning">{label(REVIEW_LABELS, r.state)}</Badge>
            ),
        },
        { key: 'due', label: 'Due', sortValue: (r) => r.nextReviewDue, render: (r) => formatDate(r.nextReviewDue) },
        { key: 'overdue', label: 'Overdue from', sortValue: (r) => r.overdueFrom, render: (r) => formatDate(r.overdueFrom) },
      ]}
    />
  );
}

export function ActionsOverdueByAgency({ rows }: { rows: D['actionsOverdueByAgency'] }) {
  return (
    <Part
      id="dash-actions-overdue"
      title="Actions overdue by agency"
      intro={<p>Actions past their “by when” and not done or stopped, by the agency that holds them: where the team around the child is not holding.</p>}
      empty="No action is overdue."
      rows={rows}
      rowKey={(r) => r.agency}
      initialSort={{ key: 'overdue', direction: 'descending' }}
      columns={[
        { key: 'agency', label: 'Agency', sortValue: (r) => label(AGENCY_LABELS, r.agency), render: (r) => label(AGENCY_LABELS, r.agency) },
        { key: 'overdue', label: 'Overdue actions', sortValue: (r) => r.overdue, render: (r) => r.overdue },
        {
          key: 'cases',
          label: 'Cases',
          render: (r) => (
            <>
              {r.cases.map((c, i) => (
                <span key={c.caseId}>
                  {i ? ', ' : ''}
                  {caseLink(c.caseId, c.reference)}
                </span>
              ))}
              {andMore(r.cases.length, r.caseCount ?? r.cases.length)}
            </>
          ),
        },
      ]}
    />
  );
}

export function AgreementsOutstanding({ rows, paged }: { rows: D['agreementsOutstanding']; paged?: PagedList<D['agreementsOutstanding'][number]> }) {
  return (
    <Part
      {...(paged ? { paged } : {})}
      id="dash-agreements"
      title="Agreements outstanding"
      empty="Every open case has the agreement of everyone its young person's age and legal status need."
      rows={rows}
      rowKey={(r) => r.caseId}
      columns={[
        { key: 'reference', label: 'Case', sortValue: (r) => r.reference, render: (r) => caseLink(r.caseId, r.reference) },
        { key: 'status', label: 'Status', sortValue: (r) => r.status, render: (r) => label(STATUS_LABELS, r.status) },
        { key: 'yp', label: 'Young person', render: (r) => label(AGREEMENT_LABELS, r.agreement.young_person) },
        {
          key: 'waiting-on',
          label: 'Waiting on',
          render: (r) =>
            r.askAgain
              ? `Young person again: turned ${r.askAgain === 'turned_18' ? '18' : '16'}`
              : r.waitingOn.map((p) => label(PARTY_LABELS, p)).join(', ') || '—',
        },
        { key: 'waiting', label: 'Days since referral', sortValue: (r) => r.daysWaiting, render: (r) => r.daysWaiting },
      ]}
    />
  );
}

export function Movement({ movement, paged }: { movement: D['trmMovement']; paged?: PagedList<D['trmMovement']['cases'][number]> }) {
  const s = useStyles();
  const cases = paged?.rows ?? movement.cases;
  const totals = MOVEMENT_ORDER.map((m) => ({ m, n: movement.counts[m] }));
  return (
    <section aria-labelledby="dash-movement">
      <h2 id="dash-movement">TRM movement across the caseload</h2>
      <p>Where each child on an active case is now, against their first placement. Moving down is part of recovery, not a failure.</p>
      <MovementChart counts={movement.counts} caption="Children by movement since their first placement" />
      <ScrollRegion label="TRM movement in numbers">
        <SortableTable
          caption="TRM movement in numbers"
          rows={totals}
          rowKey={(r) => r.m}
          columns={[
            { key: 'movement', label: 'Movement', render: (r) => `${MOVEMENT_MARKS[r.m]} ${MOVEMENT_LABELS[r.m]}` },
            { key: 'children', label: 'Children', sortValue: (r) => r.n, render: (r) => r.n },
          ]}
        />
      </ScrollRegion>
      {cases.length > 0 ? (
        <details>
          <summary className={s.summary}>Each case</summary>
          <ScrollRegion label="TRM movement by case">
            <SortableTable
              caption="TRM movement by case"
              rows={cases}
              rowKey={(r) => r.caseId}
              columns={[
                { key: 'reference', label: 'Case', sortValue: (r) => r.reference, render: (r) => caseLink(r.caseId, r.reference) },
                { key: 'first', label: 'First level', sortValue: (r) => r.firstLevel ?? 0, render: (r) => r.firstLevel ?? '—' },
                { key: 'latest', label: 'Latest level', sortValue: (r) => r.latestLevel ?? 0, render: (r) => r.latestLevel ?? '—' },
                {
                  key: 'movement',
                  label: 'Movement',
                  sortValue: (r) => r.movement,
                  render: (r) => `${MOVEMENT_MARKS[r.movement]} ${MOVEMENT_LABELS[r.movement]}`,
                },
              ]}
            />
          </ScrollRegion>
          {paged && paged.total > cases.length ? <ShowMore paged={paged as PagedList<unknown>} what="TRM movement by case" /> : null}
        </details>
      ) : null}
    </section>
  );
}

export function ActiveCases({ rows, paged }: { rows: D['activeCases']; paged?: PagedList<D['activeCases'][number]> }) {
  return (
    <Part
      {...(paged ? { paged } : {})}
      id="dash-active"
      title="Active cases"
      empty="No case is active."
      rows={rows}
      rowKey={(r) => r.caseId}
      columns={[
        { key: 'reference', label: 'Case', sortValue: (r) => r.reference, render: (r) => caseLink(r.caseId, r.reference) },
        { key: 'pathway', label: 'Pathway', sortValue: (r) => r.pathway, render: (r) => label(PATHWAYS, r.pathway) },
        {
          key: 'formulation',
          label: 'Formulation',
          sortValue: (r) => Number(r.formulationApproved),
          render: (r) => (r.formulationApproved ? 'Approved' : 'Not yet'),
        },
        { key: 'trm', label: 'TRM level', sortValue: (r) => r.trmLevel ?? 0, render: (r) => r.trmLevel ?? '—' },
        {
          key: 'eighteen',
          label: 'Turns 18',
          sortValue: (r) => r.turnsEighteenOn ?? '9999',
          render: (r) => (r.turnsEighteenOn ? `Within six months: ${formatDate(r.turnsEighteenOn)}` : '—'),
        },
        {
          key: 'review',
          label: 'Next review',
          sortValue: (r) => r.review?.nextReviewDue ?? '9',
          render: (r) => (r.review ? `${formatDate(r.review.nextReviewDue)} (${label(REVIEW_LABELS, r.review.state)})` : '—'),
        },
      ]}
    />
  );
}

export function Unreachable({ rows }: { rows: D['unreachable'] }) {
  return (
    <Part
      id="dash-unreachable"
      title="People the bot cannot reach"
      intro={rows.length ? <p>They miss invitations and reminders in Teams until they install ECM for Teams again: tell them another way.</p> : null}
      empty="The bot can reach everyone on the open cases’ teams."
      rows={rows}
      rowKey={(r) => r.staffId}
      columns={[
        { key: 'name', label: 'Name', sortValue: (r) => r.name, render: (r) => r.name },
        { key: 'reason', label: 'Why', render: (r) => label(UNREACHABLE_LABELS, r.reason) },
        { key: 'since', label: 'Since', sortValue: (r) => r.since, render: (r) => formatDate(r.since) },
        { key: 'cases', label: 'Their cases', render: (r) => `${r.cases.join(', ')}${andMore(r.cases.length, r.caseCount ?? r.cases.length)}` },
        { key: 'missed', label: 'Messages missed', sortValue: (r) => r.undelivered, render: (r) => r.undelivered },
      ]}
    />
  );
}

/**
 * Documents and calendar changes not yet delivered (Teams messages are apart, by person). A blocked
 * one says why and who must act; the manager, once it is fixed, has it tried again at once.
 */
export function Undelivered({ rows, retry }: { rows: D['undelivered']; retry: ((jobId?: string) => void) | null }) {
  const s = useStyles();
  const stuck = rows.filter((r) => r.status !== 'pending');
  return (
    <Part
      id="dash-undelivered"
      title="Documents not yet delivered"
      intro={
        stuck.length ? (
          <>
            <p>
              A blocked delivery waits for the person named in “Why”; it is tried again every 15 minutes for 14 days. Once they have acted, try it again now.
            </p>
            {retry ? (
              <p>
                <Button onClick={() => retry()}>Try all again now</Button>
              </p>
            ) : null}
          </>
        ) : null
      }
      empty="Every document and calendar change has been delivered."
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: 'kind', label: 'What', sortValue: (r) => r.kind, render: (r) => label(JOB_KIND_LABELS, r.kind) },
        { key: 'case', label: 'Case', sortValue: (r) => r.reference ?? '', render: (r) => (r.caseId && r.reference ? caseLink(r.caseId, r.reference) : '—') },
        { key: 'status', label: 'State', sortValue: (r) => r.status, render: (r) => label(JOB_STATUS_LABELS, r.status) },
        { key: 'error', label: 'Why', render: (r) => <span className={s.error}>{whyOfJob(r)}</span> },
        { key: 'attempts', label: 'Attempts', sortValue: (r) => r.attempts, render: (r) => r.attempts },
        { key: 'next', label: 'Next try', render: (r) => (r.nextAttemptAt ? formatDateTime(r.nextAttemptAt) : '—') },
        ...(retry
          ? [
              {
                key: 'retry',
                label: 'Try again',
                render: (r: D['undelivered'][number]) =>
                  r.status === 'pending' ? (
                    '—'
                  ) : (
                    <Button
                      size="small"
                      onClick={() => retry(r.id)}
                      aria-label={`Try again now: ${label(JOB_KIND_LABELS, r.kind)}${r.reference ? ` for ${r.reference}` : ''}`}
                    >
                      Try again
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Teams messages that did not arrive: one row per person, however many messages wait for them. */
export function UndeliveredMessages({ rows }: { rows: D['undeliveredMessages'] }) {
  const s = useStyles();
  return (
    <Part
      id="dash-undelivered-messages"
      title="Teams messages not delivered"
      empty="Every Teams message has been delivered."
      rows={rows}
      rowKey={(r) => r.recipient}
      columns={[
        { key: 'name', label: 'To', sortValue: (r) => r.name, render: (r) => r.name },
        { key: 'messages', label: 'Messages', sortValue: (r) => r.messages, render: (r) => r.messages },
        { key: 'status', label: 'State', sortValue: (r) => r.status, render: (r) => label(JOB_STATUS_LABELS, r.status) },
        { key: 'cases', label: 'About', render: (r) => r.references.join(', ') || '—' },
        { key: 'error', label: 'Last error', render: (r) => <span className={s.error}>{r.lastError ?? '—'}</span> },
      ]}
    />
  );
}

export function LibraryDocuments({ library }: { library: D['library'] }) {
  if (library.status === 'unavailable') {
    return (
      <section aria-labelledby="dash-library">
        <h2 id="dash-library">Documents in the library</h2>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The library could not be listed</MessageBarTitle> {library.message}
          </MessageBarBody>
        </MessageBar>
      </section>
    );
  }
  return (
    <Part
      id="dash-library"
      title="Documents in the library"
      intro={<p>Each file’s newest version, newest first. Approving a formulation or recording a review files a new version of the same file.</p>}
      empty="The library holds no case documents yet."
      rows={library.items}
      rowKey={(r) => `${r.folder}/${r.name}`}
      columns={[
        { key: 'folder', label: 'Case', sortValue: (r) => r.folder, render: (r) => r.folder },
        {
          key: 'name',
          label: 'File',
          sortValue: (r) => r.name,
          render: (r) =>
            r.webUrl ? (
              <Link href={r.webUrl} target="_blank" rel="noreferrer">
                {r.name}
              </Link>
            ) : (
              r.name
            ),
        },
        { key: 'type', label: 'Document', sortValue: (r) => r.documentType ?? '', render: (r) => label(DOCUMENT_TYPE_LABELS, r.documentType) },
        { key: 'version', label: 'Version', sortValue: (r) => r.version ?? '', render: (r) => r.version ?? '—' },
        { key: 'libraryVersion', label: 'Library version', sortValue: (r) => Number(r.versionLabel) || 0, render: (r) => r.versionLabel },
        { key: 'modified', label: 'Last changed', sortValue: (r) => r.lastModified, render: (r) => formatDateTime(r.lastModified) },
        {
          key: 'retain',
          label: 'Kept until',
          sortValue: (r) => r.retainUntil ?? '',
          render: (r) => (r.retainUntil ? formatDate(r.retainUntil) : 'While open'),
        },
      ]}
    />
  );
}
