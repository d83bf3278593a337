// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseDocumentView, Me, ServiceDashboard, UndeliveredJob } from '../src/api/types.js';
import { CaseDocuments } from '../src/case/CaseDocuments.js';
import { CaseTeam } from '../src/case/CaseTeam.js';
import Dashboard from '../src/dashboard/Dashboard.js';
import { useDashboardRoute } from '../src/dashboard/route.js';
import { fakeApi, renderSignedIn } from './render.js';

const CASE = '0b6f3c1e-5a4d-4c1e-9a59-8f1f0c1a2b3c';

const dashboardOf = (serviceId: string, overrides: Partial<ServiceDashboard> = {}): ServiceDashboard => ({
  service: { id: serviceId, name: serviceId === 'BRI' ? 'Bristol Youth Justice Service' : 'North Somerset Youth Justice Service' },
  today: '2026-11-27',
  actionsOverdueByAgency: [{ agency: 'police', overdue: 2, caseCount: 1, cases: [{ caseId: CASE, reference: `${serviceId}-2026-0001` }] }],
  pages: {
    activeCases: { total: 1, limit: 50, nextOffset: null },
    agreementsOutstanding: { total: 1, limit: 50, nextOffset: null },
    reviews: { total: 1, limit: 50, nextOffset: null },
    trmMovement: { total: 1, limit: 50, nextOffset: null },
  },
  reviewCounts: { overdue: 1, due: 0, due_soon: 0 },
  counts: { referred: 1, awaiting_agreement: 0, active: 3, closed: 2 },
  activeCases: [
    {
      caseId: CASE,
      reference: `${serviceId}-2026-0001`,
      pathway: 'statutory_ecm',
      referredOn: '2026-03-02',
      formulationApproved: true,
      trmLevel: 2.5,
      review: null,
      turnsEighteenOn: '2027-03-01',
    },
  ],
  agreementsOutstanding: [
    {
      caseId: 'c2',
      reference: `${serviceId}-2026-0002`,
      status: 'referred',
      agreement: { young_person: 'not_yet_known', parent_carer: 'not_yet_known', local_authority: 'not_yet_known' },
      waitingOn: ['young_person', 'parent_carer'],
      askAgain: null,
      referredOn: '2026-11-20',
      daysWaiting: 7,
    },
  ],
  reviews: [{ caseId: CASE, reference: `${serviceId}-2026-0001`, state: 'overdue', nextReviewDue: '2026-11-01', overdueFrom: '2026-11-08', daysUntilDue: -26 }],
  trmMovement: {
    counts: { up: 4, same: 2, setback: 1, first: 3, none: 0 },
    cases: [{ caseId: CASE, reference: `${serviceId}-2026-0001`, firstLevel: 3, latestLevel: 2.5, placements: 2, movement: 'setback' }],
  },
  unreachable: [
    {
      staffId: 'yjs-amy',
      name: 'Amy Clarke',
      reason: 'app_removed',
      since: '2026-11-20T10:00:00Z',
      cases: [`${serviceId}-2026-0001`],
      caseCount: 1,
      undelivered: 2,
    },
  ],
  undelivered: [
    {
      id: 'j1',
      kind: 'document.publish',
      status: 'dead',
      attempts: 1,
      lastError: '403 accessDenied',
      nextAttemptAt: null,
      caseId: CASE,
      createdAt: '2026-11-27T09:00:00Z',
      reference: `${serviceId}-2026-0001`,
      blocked: null,
    },
  ],
  undeliveredMessages: [
    {
      recipient: 'yjs-amy',
      name: 'Amy Clarke',
      messages: 2,
      status: 'dead',
      lastError: 'unreachable: app_removed',
      lastTriedAt: '2026-11-27T09:00:00Z',
      caseIds: [CASE],
      references: [`${serviceId}-2026-0001`],
    },
  ],
  library: {
    status: 'available',
    items: [
      {
        folder: `${serviceId}-2026-0001`,
        name: `${serviceId}-2026-0001_formulation-report.docx`,
        documentType: 'formulation_report',
        version: 'v2',
        versionLabel: '2.0',
        lastModified: '2026-11-27T10:00:00Z',
        retainUntil: null,
        webUrl: null,
      },
    ],
  },
  messagesWaitForPlayground: false,
  ...overrides,
});

function RoutedDashboard() {
  const route = useDashboardRoute();
  return <Dashboard serviceId={route?.serviceId ?? null} />;
}

const READER: Me['serviceActions'][string] = ['caseload.read', 'dashboard.read', 'library.read'];
const manager = {
  staffId: 'mgr-bri',
  role: 'manager' as const,
  roleLabel: 'YJS manager',
  serviceActions: { BRI: READER },
};
const ecmStaff = {
  staffId: 'ecm-sam',
  role: 'ecm_practitioner' as const,
  roleLabel: 'ECM practitioner',
  serviceActions: Object.fromEntries(['BRI', 'NSO', 'SGL', 'BNE'].map((s) => [s, READER])),
};

beforeEach(() => {
  window.location.hash = '#/dashboard';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the manager's dashboard", () => {
  it('shows a manager their one service, with nothing to choose, and TRM movement as a labelled chart and the same numbers in a table', async () => {
    const api = fakeApi({ 'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI')] });
    vi.stubGlobal('fetch', api.impl);
    renderSignedIn(<RoutedDashboard />, manager);
    await screen.findByRole('heading', { level: 1, name: 'Bristol Youth Justice Service' });
    expect(screen.queryByLabelText('Service')).toBeNull();
    const glance = screen.getByRole('list', { name: 'At a glance' });
    expect(
      within(glance)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Active cases3',
      'Waiting on agreement1',
      'Reviews overdue1',
      'Reviews due or due soon0',
      'People the bot cannot reach1',
      'Documents not yet delivered1',
      'People with messages not delivered1',
    ]);
    const chart = screen.getByRole('figure', { name: 'Children by movement since their first placement' });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['▲ Moved up4', '■ Stayed at the same level2', '▼ Set back (moved down)1', '● One placement so far3', '○ Not placed yet0']);
    const numbers = screen.getByRole('table', { name: 'TRM movement in numbers' });
    expect(
      within(numbers)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toContain('▼ Set back (moved down)1');
    expect(api.calls.map((c) => c.path)).toEqual(['/services/BRI/dashboard']);
  });

  it('says an overdue review in words and with an icon, never by colour alone', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI')] }).impl);
    renderSignedIn(<RoutedDashboard />, manager);
    const reviews = await screen.findByRole('table', { name: 'Reviews due and overdue' });
    const row = within(reviews).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Overdue');
    expect(row.querySelector('svg')).not.toBeNull();
  });

  it('shows actions overdue by agency, each with the cases where the team is not holding', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI')] }).impl);
    renderSignedIn(<RoutedDashboard />, manager);
    const table = await screen.findByRole('table', { name: 'Actions overdue by agency' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toBe('Police2BRI-2026-0001');
    expect(within(row).getByRole('link', { name: 'BRI-2026-0001' })).toBeTruthy();
  });

  it('shows a long list a page at a time: the counts are of the whole caseload, and "Show more" brings the next page in the same order', async () => {
    const active = (n: number) => ({ ...dashboardOf('BRI').activeCases[0]!, caseId: `case-${n}`, reference: `BRI-2026-${String(n).padStart(4, '0')}` });
    const first = dashboardOf('BRI', {
      counts: { referred: 0, awaiting_agreement: 0, active: 3, closed: 0 },
      activeCases: [active(1), active(2)],
      pages: { ...dashboardOf('BRI').pages, activeCases: { total: 3, limit: 2, nextOffset: 2 } },
      actionsOverdueByAgency: [{ agency: 'police', overdue: 30, caseCount: 25, cases: [{ caseId: CASE, reference: 'BRI-2026-0001' }] }],
    });
    const api = fakeApi({
      'GET /services/BRI/dashboard': () => [200, first],
      'GET /services/BRI/dashboard/active-cases': () => [200, { list: 'active-cases', items: [active(3)], total: 3, offset: 2, limit: 50, nextOffset: null }],
    });
    vi.stubGlobal('fetch', api.impl);
    renderSignedIn(<RoutedDashboard />, manager);
    const table = await screen.findByRole('table', { name: 'Active cases' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('2 of 3 shown')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Actions overdue by agency' })).getAllByRole('row')[1]!.textContent).toBe(
      'Police30BRI-2026-0001 and 24 more',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 more of Active cases' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Active cases' })).getAllByRole('row')).toHaveLength(4));
    expect(
      within(screen.getByRole('table', { name: 'Active cases' }))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['BRI-2026-0001', 'BRI-2026-0002', 'BRI-2026-0003']);
    expect(screen.queryByRole('button', { name: 'Show 1 more of Active cases' })).toBeNull();
    expect(api.calls.find((c) => c.path === '/services/BRI/dashboard/active-cases')).toBeTruthy();
  });

  it('lets ECM staff choose among the services they serve, and loads the one chosen', async () => {
    const api = fakeApi({
      'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI')],
      'GET /services/NSO/dashboard': () => [200, dashboardOf('NSO')],
    });
    vi.stubGlobal('fetch', api.impl);
    window.location.hash = '#/dashboard/BRI';
    renderSignedIn(<RoutedDashboard />, ecmStaff);
    await screen.findByRole('heading', { level: 1, name: 'Bristol Youth Justice Service' });
    const picker = screen.getByLabelText('Service') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(['BRI', 'NSO', 'SGL', 'BNE']);
    fireEvent.change(picker, { target: { value: 'NSO' } });
    await screen.findByRole('heading', { level: 1, name: 'North Somerset Youth Justice Service' });
    expect(window.location.hash).toBe('#/dashboard/NSO');
    // The heading follows the choice at once; the load follows it.
    await waitFor(() => expect(api.calls.map((c) => c.path)).toEqual(['/services/BRI/dashboard', '/services/NSO/dashboard']));
  });

  it('still shows the service when the library cannot be listed, and says why', async () => {
    const unavailable = dashboardOf('BRI', { library: { status: 'unavailable', message: 'The document library did not answer (accessDenied).' } });
    vi.stubGlobal('fetch', fakeApi({ 'GET /services/BRI/dashboard': () => [200, unavailable] }).impl);
    renderSignedIn(<RoutedDashboard />, manager);
    expect(await screen.findByText('The library could not be listed')).toBeTruthy();
    expect(screen.getByText(/did not answer \(accessDenied\)/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Active cases' })).toBeTruthy();
  });

  it('in local mode, says once that Teams messages wait for the Playground, rather than leaving people to read each "cannot reach" row as a fault', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI', { messagesWaitForPlayground: true })] }).impl);
    renderSignedIn(<RoutedDashboard />, manager);
    expect(await screen.findByText(/Teams messages wait until each person opens the bot in the Agents Playground/)).toBeTruthy();
  });

  it('says nothing of the Playground outside local mode', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI')] }).impl);
    renderSignedIn(<RoutedDashboard />, manager);
    expect(await screen.findByRole('table', { name: 'Active cases' })).toBeTruthy();
    expect(screen.queryByText(/Agents Playground/)).toBeNull();
  });

  it('keeps documents and Teams messages apart, says why a blocked document waits and who must act, and lets the manager try it again now', async () => {
    const blocked = dashboardOf('BRI', {
      undelivered: [
        {
          ...dashboardOf('BRI').undelivered[0]!,
          status: 'blocked',
          nextAttemptAt: '2026-11-27T09:15:00Z',
          blocked: {
            cause: 'site_access_denied',
            why: 'SharePoint refuses the app write access to the Bristol site.',
            whoActs: 'SharePoint administrator: grant the app write on the Bristol site — README step 3.',
            since: '2026-11-27T09:00:00Z',
            nextTryAt: '2026-11-27T09:15:00Z',
          },
        },
      ],
    });
    const api = fakeApi({
      'GET /services/BRI/dashboard': () => [200, blocked],
      'POST /services/BRI/undelivered/retry': () => [200, { retried: 1 }],
    });
    vi.stubGlobal('fetch', api.impl);
    renderSignedIn(<RoutedDashboard />, { ...manager, serviceActions: { BRI: [...READER, 'deliveries.retry'] } });
    const documents = await screen.findByRole('table', { name: 'Documents not yet delivered' });
    const row = within(documents).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Blocked');
    expect(row.textContent).toContain('SharePoint administrator: grant the app write on the Bristol site — README step 3.');
    const messages = screen.getByRole('table', { name: 'Teams messages not delivered' });
    expect(
      within(messages)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([expect.stringMatching(/^Amy Clarke2Gave up/)]);

    fireEvent.click(within(row).getByRole('button', { name: /Try again now: Document for the library for BRI-2026-0001/ }));
    await screen.findByText('One delivery is being tried again now.');
    fireEvent.click(screen.getByRole('button', { name: 'Try all again now' }));
    await waitFor(() => expect(api.calls.filter((c) => c.path === '/services/BRI/undelivered/retry')).toHaveLength(2));
    const [one, all] = api.calls.filter((c) => c.path === '/services/BRI/undelivered/retry');
    expect([one!.body, all!.body]).toEqual([{ jobId: 'j1' }, {}]);
  });

  it('offers no retry to a reader who may not ask for one', async () => {
    vi.stubGlobal('fetch', fakeApi({ 'GET /services/BRI/dashboard': () => [200, dashboardOf('BRI')] }).impl);
    renderSignedIn(<RoutedDashboard />, manager);
    await screen.findByRole('table', { name: 'Documents not yet delivered' });
    expect(screen.queryByRole('button', { name: /Try/ })).toBeNull();
  });

  it('explains a refusal in plain words', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ 'GET /services/BRI/dashboard': () => [403, { error: { code: 'forbidden', message: 'Your role does not allow this.' } }] }).impl,
    );
    renderSignedIn(<RoutedDashboard />, manager);
    expect(await screen.findByText('Your role does not allow this')).toBeTruthy();
  });
});

const published = (
  fileName: string,
  version: string,
  status: CaseDocumentView['status'],
  libraryVersion: string | null,
  createdAt: string,
  why: Pick<CaseDocumentView, 'blocked' | 'failure'> = { blocked: null, failure: null },
): CaseDocumentView => ({
  ...why,
  id: `${fileName}-${version}`,
  caseId: CASE,
  serviceId: 'BRI',
  fileName,
  metadata: { caseReference: 'BRI-2026-0001', documentType: 'formulation_report', version, reviewDate: null, retainUntil: null },
  size: 100,
  sha256: 'x',
  status,
  libraryItemId: null,
  libraryVersion,
  webUrl: null,
  publishedBy: 'system',
  createdAt,
  deliveredAt: null,
});

describe('a case’s documents and team', () => {
  it('shows each file’s newest publication with its version, and documents not yet in the library (not Teams messages)', async () => {
    const job = (id: string, kind: string): UndeliveredJob => ({
      id,
      kind,
      status: 'pending',
      attempts: 2,
      lastError: '503',
      nextAttemptAt: '2026-11-27T11:00:00Z',
      caseId: CASE,
      createdAt: '2026-11-27T10:00:00Z',
      blocked: null,
    });
    const api = fakeApi({
      'GET /cases/c1/documents': () => [
        200,
        {
          items: [
            published('BRI-2026-0001_formulation-report.docx', 'v2', 'queued', null, '2026-11-27T10:00:00Z'),
            published('BRI-2026-0001_formulation-report.docx', 'v1', 'delivered', '1.0', '2026-09-01T10:00:00Z'),
          ],
        },
      ],
      'GET /cases/c1/undelivered': () => [200, { items: [job('j1', 'document.publish'), job('j2', 'calendar.sync')], messages: [] }],
    });
    vi.stubGlobal('fetch', api.impl);
    renderSignedIn(<CaseDocuments caseId="c1" refresh={0} />, manager);
    const table = await screen.findByRole('table', { name: 'Published documents' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toMatch(/formulation-report\.docx.*Formulation report.*v2.*Waiting to be filed.*1$/);
    const stuck = screen.getByRole('table', { name: 'Not yet delivered for this case' });
    expect(
      within(stuck)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual([expect.stringContaining('Document for the library')]);
  });

  it('says a blocked document is blocked, why, and who must act', async () => {
    const waiting = {
      cause: 'site_access_denied',
      why: 'SharePoint refuses the app write access to the Bristol site.',
      whoActs: 'SharePoint administrator: grant the app write on the Bristol site — README step 3.',
      since: '2026-11-27T10:00:00Z',
      nextTryAt: '2026-11-27T10:15:00Z',
    };
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /cases/c1/documents': () => [
          200,
          { items: [published('BRI-2026-0001_formulation-report.docx', 'v1', 'blocked', null, '2026-11-27T10:00:00Z', { blocked: waiting, failure: null })] },
        ],
        'GET /cases/c1/undelivered': () => [200, { items: [], messages: [] }],
      }).impl,
    );
    renderSignedIn(<CaseDocuments caseId="c1" refresh={0} />, manager);
    const table = await screen.findByRole('table', { name: 'Published documents' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('Blocked');
    expect(row.textContent).toContain('SharePoint administrator: grant the app write on the Bristol site — README step 3.');
  });

  it('marks who on the team the bot cannot reach, and why, in words', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'GET /cases/c1/team': () => [
          200,
          {
            items: [
              { caseId: 'c1', staffId: 'yjs-amy', name: 'Amy Clarke', caseRole: 'case_holder', agency: 'youth_justice', termsAcceptedAt: null },
              { caseId: 'c1', staffId: 'ecm-sam', name: 'Sam Okafor', caseRole: 'ecm_practitioner', agency: 'ecm_team', termsAcceptedAt: null },
            ],
          },
        ],
        'GET /cases/c1/unreachable': () => [
          200,
          {
            items: [{ staffId: 'yjs-amy', name: 'Amy Clarke', caseRole: 'case_holder', reason: 'bot_blocked', since: '2026-11-20T10:00:00Z', undelivered: 3 }],
          },
        ],
      }).impl,
    );
    renderSignedIn(<CaseTeam caseId="c1" serviceId="BRI" canInvite={false} refresh={0} />, manager);
    await waitFor(() => expect(screen.getByText(/The bot cannot reach Amy Clarke/)).toBeTruthy());
    const rows = within(screen.getByRole('table', { name: 'Case team' })).getAllByRole('row');
    expect(rows.find((r) => r.textContent?.includes('Amy Clarke'))!.textContent).toContain('Cannot reach since 20 Nov 2026: Blocked the ECM bot');
    expect(rows.find((r) => r.textContent?.includes('Sam Okafor'))!.textContent).not.toContain('Cannot reach');
    expect(screen.getByText(/did not reach them: 3/)).toBeTruthy();
  });
});
