import { Badge, Button, Field, Link, makeStyles, SearchBox, Select, Title2, tokens } from '@fluentui/react-components';
import { Warning20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { get } from '../api/client.js';
import type { CaseView, Page } from '../api/types.js';
import { ErrorNotice } from '../common/ErrorNotice.js';
import { Marked, rangesOfWords, wordsOf } from '../common/Marked.js';
import { searchProblem } from '../timeline/useTimelineSearch.js';
import { SortableTable, type Column } from '../common/SortableTable.js';
import { useLoad } from '../common/useLoad.js';
import { useApp } from '../context.js';
import { AGREEMENT_LABELS, formatDate, label, PARTY_LABELS, PATHWAY_LABELS, REVIEW_LABELS, STATUS_LABELS } from '../labels.js';
import { hrefOf, navigate } from '../router.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', marginBottom: tokens.spacingVerticalM },
  overdue: { display: 'inline-flex', alignItems: 'center', gap: '4px' },
  search: { flex: '1 1 16rem', minWidth: 0, maxWidth: '28rem' },
  found: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
});

export async function loadCaseload(service: string, status: string, pathway = '', search = ''): Promise<CaseView[]> {
  const all: CaseView[] = [];
  let after: string | null = null;
  do {
    const q = new URLSearchParams({ limit: '200' });
    if (service) q.set('service', service);
    if (status) q.set('status', status);
    if (pathway) q.set('pathway', pathway);
    if (wordsOf(search).length > 0) q.set('q', search);
    if (after) q.set('after', after);
    const page: Page<CaseView> = await get<Page<CaseView>>(`/cases?${q}`);
    all.push(...page.items);
    after = page.nextCursor;
  } while (after && all.length < 2000);
  return all;
}

/** The young person's decision, then whoever else the case is waiting on for their age and legal status. */
const agreementText = (c: CaseView) => {
  if (!c.agreement) return '—';
  const own = `Young person: ${label(AGREEMENT_LABELS, c.agreement.young_person)}`;
  const needs = c.agreementNeeds;
  if (needs?.askAgain) return `${own}; ask again (turned ${needs.askAgain === 'turned_18' ? '18' : '16'})`;
  const others = (needs?.needs ?? []).filter((p) => p !== 'young_person');
  return [own, ...others.map((p) => `${label(PARTY_LABELS, p).toLowerCase()}: ${label(AGREEMENT_LABELS, c.agreement?.[p])}`)].join('; ');
};

/** The name, or for a consultation held on de-identified details the initials and age: it has no name to show. */
const youngPerson = (c: CaseView) =>
  c.child?.name ?? (c.consultation ? `${c.consultation.childInitials}, aged ${c.consultation.childAge} (not identified)` : 'Accept the terms to see');

const REVIEW_RANK: Record<string, number> = { overdue: 0, due: 1, due_soon: 2, not_due: 3 };

/** "My cases": status, agreement, next review and overdue flags; filters by service and status; sortable. */
export function CaseCatalogue() {
  const s = useStyles();
  const { me } = useApp();
  const [service, setService] = useState('');
  const [status, setStatus] = useState('');
  const [pathway, setPathway] = useState('');
  const [typed, setTyped] = useState('');
  // Searched after a pause in typing, not at every key.
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const problem = searchProblem(search);
  const searchable = problem === null;
  const cases = useLoad(() => loadCaseload(service, status, pathway, searchable ? search : ''), [service, status, pathway, searchable ? search : '']);
  const words = searchable ? wordsOf(search) : [];
  const marked = (text: string) => <Marked text={text} ranges={rangesOfWords(text, words)} />;
  const myServices = me.services.filter((sv) => me.serviceActions[sv.id]?.includes('caseload.read'));
  const canRefer = Object.values(me.serviceActions).some((a) => a.includes('case.refer'));

  const columns: Column<CaseView>[] = [
    {
      key: 'reference',
      label: 'Reference',
      sortValue: (c) => c.reference,
      render: (c) => <Link href={hrefOf({ view: 'case', caseId: c.id, section: 'overview' })}>{marked(c.reference)}</Link>,
    },
    { key: 'child', label: 'Young person', sortValue: youngPerson, render: (c) => (c.child?.name ? marked(c.child.name) : youngPerson(c)) },
    { key: 'pathway', label: 'Kind', sortValue: (c) => c.pathway ?? '', render: (c) => label(PATHWAY_LABELS, c.pathway) },
    { key: 'service', label: 'Service', sortValue: (c) => c.serviceId, render: (c) => c.serviceId },
    { key: 'status', label: 'Status', sortValue: (c) => c.status, render: (c) => label(STATUS_LABELS, c.status) },
    { key: 'agreement', label: 'Agreement', render: agreementText },
    {
      key: 'eighteen',
      label: 'Turns 18',
      sortValue: (c) => c.turnsEighteenOn ?? '9999',
      render: (c) => (c.turnsEighteenOn ? `Turns 18 on ${formatDate(c.turnsEighteenOn)}: plan the move to adult services` : '—'),
    },
    { key: 'trm', label: 'TRM', sortValue: (c) => c.trm?.level ?? 0, render: (c) => (c.trm ? `${c.trm.level} · ${c.trm.label}` : '—') },
    {
      key: 'review',
      label: 'Next review due',
      sortValue: (c) => (c.review ? `${REVIEW_RANK[c.review.state]}${c.review.nextReviewDue}` : '9'),
      render: (c) =>
        c.review ? (
          <span className={s.overdue}>
            {formatDate(c.review.nextReviewDue)}{' '}
            {c.review.state === 'overdue' ? (
              <Badge color="danger" icon={<Warning20Regular />}>
                Overdue
              </Badge>
            ) : c.review.state !== 'not_due' ? (
              <Badge color="warning">{label(REVIEW_LABELS, c.review.state)}</Badge>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <section aria-labelledby="caseload-title">
      <Title2 as="h1" id="caseload-title">
        My cases
      </Title2>
      <div className={s.bar}>
        <Field label="Find a case" hint="The young person’s name or the case reference" className={s.search} validationMessage={problem ?? undefined}>
          <SearchBox value={typed} onChange={(_, d) => setTyped(d.value)} autoComplete="off" />
        </Field>
        {me.role !== 'partner' ? (
          <Field label="Service">
            <Select value={service} onChange={(_, d) => setService(d.value)}>
              <option value="">All my services</option>
              {myServices.map((sv) => (
                <option key={sv.id} value={sv.id}>
                  {sv.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setStatus(d.value)}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kind">
          <Select value={pathway} onChange={(_, d) => setPathway(d.value)}>
            <option value="">Cases and consultations</option>
            {Object.entries(PATHWAY_LABELS).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        {canRefer ? (
          <>
            <Button appearance="primary" onClick={() => navigate({ view: 'refer' })}>
              Refer a young person
            </Button>
            <Button onClick={() => navigate({ view: 'consult' })}>Ask for a consultation</Button>
          </>
        ) : null}
      </div>
      <p className={s.found} role="status" aria-live="polite" aria-atomic="true">
        {words.length > 0 && cases.data
          ? `${cases.data.length === 0 ? 'No' : cases.data.length} ${cases.data.length === 1 ? 'case matches' : 'cases match'} the search.`
          : ''}
      </p>
      <ErrorNotice error={cases.error} />
      {cases.loading && !cases.data ? <p role="status">Loading your cases…</p> : null}
      {cases.data && cases.data.length === 0 ? <p>No cases match. {canRefer ? 'Refer a young person to start one.' : ''}</p> : null}
      {cases.data && cases.data.length > 0 ? (
        <SortableTable caption="My cases" rows={cases.data} columns={columns} rowKey={(c) => c.id} initialSort={{ key: 'review', direction: 'ascending' }} />
      ) : null}
    </section>
  );
}
