import { Badge, makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { useModule } from '../common/useModule.js';
import { SECTION_MODULES } from '../sections.js';
import { request } from '../api/client.js';
import type { CaseAction, CaseEventType, CaseView } from '../api/types.js';
import { useCaseEvents } from '../live/useCaseEvents.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { useLoad } from '../common/useLoad.js';
import { formatDate, label, REVIEW_LABELS, STATUS_LABELS } from '../labels.js';
import { caseFromPrefetch } from '../prefetched.js';
import type { CaseProps } from './caseProps.js';
import { navigate, type CaseSection } from '../router.js';
import { Overview } from './Overview.js';
import { TermsAcceptance } from './Terms.js';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  // The tabs wrap onto a second line in a narrow frame (320 px) rather than widen the page.
  tabs: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM}`, flexWrap: 'wrap', '@media print': { display: 'none' } },
});

const SECTIONS: { key: CaseSection; label: string; needs: CaseAction }[] = [
  { key: 'overview', label: 'Overview', needs: 'case.read' },
  { key: 'timeline', label: 'Life timeline', needs: 'timeline.read' },
  { key: 'formulation', label: 'Formulation', needs: 'formulation.read' },
  { key: 'trm', label: 'Trauma Recovery Model', needs: 'trm.read' },
  { key: 'actions', label: 'Plan and actions', needs: 'actions.read' },
  { key: 'meetings', label: 'Meetings', needs: 'meeting.read' },
  { key: 'transition', label: 'Moving on to adult services', needs: 'transition.read' },
  { key: 'summaries', label: 'Summaries', needs: 'summary.read' },
  { key: 'export', label: 'Export the record', needs: 'record.export' },
];

/** Changes that alter what the header says (status, next review, TRM level): a colleague's, seen live. */
const HEADER_EVENTS: ReadonlySet<CaseEventType> = new Set([
  'case.updated',
  'agreement.recorded',
  'formulation.approved',
  'trm.recorded',
  'meeting.scheduled',
  'meeting.updated',
  'transition.changed',
]);

/**
 * One case: its sections as tabs, each shown only when the person's role allows it (allowedActions).
 * Content renders it keyed by the case id, so everything below belongs to this case alone.
 */
export function CasePage({ caseId, section }: { caseId: string; section: CaseSection }) {
  const s = useStyles();
  const loaded = useLoad(() => caseFromPrefetch(caseId) ?? request<CaseView>('GET', `/cases/${caseId}`), [caseId]);
  useCaseEvents(caseId, (e) => HEADER_EVENTS.has(e.type) && loaded.reload());
  const c = loaded.data?.body;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  // Only ever the case in the address, even if an answer about another one arrived.
  if (!c || c.id !== caseId) return <p role="status">Loading the case…</p>;
  if (c.terms) return <TermsAcceptance view={c} onAccepted={loaded.reload} />;
  // Moving on to adult services: from 17, or once a plan exists.
  const sections = SECTIONS.filter((x) => c.allowedActions.includes(x.needs) && (x.key !== 'transition' || c.movingOn?.due || c.movingOn?.planned));
  const current = sections.some((x) => x.key === section) ? section : 'overview';
  const props: CaseProps = { view: c, etag: loaded.data?.etag ?? null, reload: loaded.reload };
  return (
    <article aria-labelledby="case-title">
      <div className={s.head}>
        <Title2 as="h1" id="case-title">
          {c.child?.name ?? c.reference}
        </Title2>
        <span>{c.reference}</span>
        <Badge appearance="outline">{label(STATUS_LABELS, c.status)}</Badge>
        {c.review ? (
          <Badge color={c.review.state === 'overdue' ? 'danger' : c.review.state === 'not_due' ? 'informative' : 'warning'}>
            Next review {formatDate(c.review.nextReviewDue)} · {label(REVIEW_LABELS, c.review.state)}
          </Badge>
        ) : null}
      </div>
      <TabList
        className={s.tabs}
        selectedValue={current}
        onTabSelect={(_, d) => navigate({ view: 'case', caseId, section: d.value as CaseSection })}
        aria-label="Case sections"
      >
        {sections.map((x) => (
          <Tab key={x.key} value={x.key}>
            {x.label}
          </Tab>
        ))}
      </TabList>
      {current === 'overview' ? <Overview {...props} /> : <Section load={SECTION_MODULES[current]} props={props} />}
    </article>
  );
}

function Section({ load, props }: { load: () => Promise<{ default: (p: CaseProps) => React.ReactNode }>; props: CaseProps }) {
  const mod = useModule(load);
  if (!mod) return <p role="status">Loading…</p>;
  const View = mod.default;
  return <View {...props} />;
}
