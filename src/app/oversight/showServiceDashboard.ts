import { z } from 'zod';
import type { DashboardLibrary, DashboardListPage, DashboardPage, DashboardPageItems, ServiceDashboard } from '../../contract/views.js';
import { CASE_STATUSES, type CaseStatus } from '../../domain/case.js';
import type { Agency } from '../../domain/staff.js';
import { decideOnService } from '../../domain/policy.js';
import { serviceIdSchema, type Service } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import type { UnreachableReason } from '../../ports/notifier.js';
import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import { todayIn } from '../../ports/clock.js';
import { type CaseFacts, DASHBOARD_LISTS, type DashboardList, type DashboardQuery, totalOf } from '../../ports/dashboard.js';
import type { DocumentLibrary } from '../../ports/documentLibrary.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { undelivered } from './listUndelivered.js';
import { NOTIFY_KIND } from '../notifications/notifyJob.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';
import { activeCaseRow, agreementRow, movementRow, reviewRow } from './dashboardRows.js';

/** How many rows each of the dashboard's case lists shows at first, and at most in one page. */
export const DASHBOARD_PAGE_SIZE = 50;
export const DASHBOARD_PAGE_MAX = 200;
/** How many case references an agency's overdue actions, or an unreachable person, lists (their count says the rest). */
const REFERENCES_SHOWN = 20;

const limitSchema = z.coerce.number().int().min(1).max(DASHBOARD_PAGE_MAX);
export const dashboardQuerySchema = z.object({ limit: limitSchema.default(DASHBOARD_PAGE_SIZE) }).strict();
export const dashboardPageQuerySchema = z
  .object({ offset: z.coerce.number().int().min(0).max(1_000_000).default(0), limit: limitSchema.default(DASHBOARD_PAGE_SIZE) })
  .strict();
const listSchema = z.enum(DASHBOARD_LISTS);

const queryFor = (service: Service, today: string): DashboardQuery => ({
  serviceId: service.id,
  today,
  cadence: service.settings.reviewCadence,
  agreementRules: service.settings.agreementRules ?? [],
});

const pageOf = (total: number, offset: number, limit: number, shown: number): DashboardListPage => ({
  total,
  limit,
  nextOffset: offset + shown < total ? offset + shown : null,
});

function rowsOf<L extends DashboardList>(list: L, facts: CaseFacts[], q: DashboardQuery): DashboardPageItems[L][] {
  const rows =
    list === 'active-cases'
      ? facts.map((f) => activeCaseRow(f, q.today))
      : list === 'agreements-outstanding'
        ? facts.map((f) => agreementRow(f, q.today, q.agreementRules))
        : list === 'reviews'
          ? facts.map((f) => reviewRow(f, q.today))
          : facts.map(movementRow);
  return rows as DashboardPageItems[L][];
}

/**
 * One service at a glance, in one call, for its manager (and the ECM staff who serve it): read-only
 * and audited. Named by case reference only; no child's name or date of birth is in it. The
 * database counts and groups the whole caseload; each case list comes a page at a time.
 */
export async function showServiceDashboard(deps: AppDeps, person: Principal, serviceId: string, query: unknown = {}): Promise<ServiceDashboard> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  const { limit } = parseInput(dashboardQuerySchema, query, 'The query');
  const today = todayIn(deps.clock);
  const fromStore = await inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'dashboard.read', id);
    const service = await serviceOf(w.tx, id);
    const q = queryFor(service, today);
    const d = w.tx.dashboard;
    const { counts, agreements, reviews } = await d.overview(q, limit);
    const active = await d.page(q, 'active-cases', 0, limit);
    const paged = (list: DashboardList, rows: CaseFacts[]) => pageOf(totalOf(counts, list), 0, limit, rows.length);
    const overdue = await d.overdueByAgency(id, today, REFERENCES_SHOWN);
    const people = await d.unreachableOnOpenCases(id, REFERENCES_SHOWN);

    const dead = await w.tx.outbox.list({ status: 'dead', kind: NOTIFY_KIND, serviceId: id }, 1000);
    const unreachable = people.map((u) => ({
      staffId: u.staffId,
      name: u.name,
      reason: u.reason as UnreachableReason,
      since: u.since,
      cases: u.cases,
      caseCount: u.caseCount,
      undelivered: dead.filter((j) => j.recipient === u.staffId).length,
    }));
    const waiting = await undelivered(w.tx, { serviceId: id });
    const references = await d.referencesOf(id, [...waiting.items.flatMap((j) => (j.caseId ? [j.caseId] : [])), ...waiting.messages.flatMap((m) => m.caseIds)]);
    const jobs = waiting.items.map((j) => ({ ...j, reference: j.caseId ? (references.get(j.caseId) ?? null) : null }));
    const messages = waiting.messages.map((m) => ({ ...m, references: m.caseIds.flatMap((c) => references.get(c) ?? []).sort() }));
    const byStatus = Object.fromEntries(CASE_STATUSES.map((st) => [st, counts.byStatus[st] ?? 0])) as Record<CaseStatus, number>;
    const cases = Object.values(byStatus).reduce((a, b) => a + b, 0);
    await w.audit({ action: 'dashboard.read', caseId: null, serviceId: id, detail: { cases } });
    const { due_soon, due, overdue: late } = counts.byReviewState;
    return {
      service: { id: service.id, name: service.name },
      counts: byStatus,
      activeCases: rowsOf('active-cases', active, q),
      agreementsOutstanding: rowsOf('agreements-outstanding', agreements, q),
      reviews: rowsOf('reviews', reviews, q),
      // The movement list is the active cases in the same order: the same page serves both.
      trmMovement: { counts: counts.byMovement, cases: rowsOf('trm-movement', active, q) },
      pages: {
        activeCases: paged('active-cases', active),
        agreementsOutstanding: paged('agreements-outstanding', agreements),
        reviews: paged('reviews', reviews),
        trmMovement: paged('trm-movement', active),
      },
      reviewCounts: { overdue: late, due, due_soon },
      actionsOverdueByAgency: overdue.map((a) => ({ ...a, agency: a.agency as Agency })),
      unreachable: unreachable.sort((a, b) => a.name.localeCompare(b.name)),
      undelivered: jobs,
      undeliveredMessages: messages,
    };
  });

  return {
    ...fromStore,
    today,
    library: decideOnService(person, 'library.read', id).allowed
      ? await libraryOf(deps.library, id)
      : { status: 'unavailable', message: 'Your role does not show the library.' },
    messagesWaitForPlayground: deps.messagesWaitForPlayground ?? false,
  };
}

/** The next page of one of the dashboard's case lists, in the same order as the dashboard's first page; read-only and audited. */
export async function showDashboardPage(deps: AppDeps, person: Principal, serviceId: string, list: string, query: unknown): Promise<DashboardPage> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  const which = parseInput(listSchema, list, 'The list');
  const { offset, limit } = parseInput(dashboardPageQuerySchema, query, 'The query');
  const today = todayIn(deps.clock);
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'dashboard.read', id);
    const service = await serviceOf(w.tx, id);
    const q = queryFor(service, today);
    const rows = await w.tx.dashboard.page(q, which, offset, limit);
    // A page of the active cases needs no pass over the caseload for its length.
    const total = which === 'active-cases' || which === 'trm-movement' ? await w.tx.dashboard.activeCount(id) : totalOf(await w.tx.dashboard.counts(q), which);
    await w.audit({ action: 'dashboard.read', caseId: null, serviceId: id, detail: { list: which, offset, limit, shown: rows.length } });
    return { list: which, items: rowsOf(which, rows, q), total, offset, limit, nextOffset: pageOf(total, offset, limit, rows.length).nextOffset };
  });
}

async function libraryOf(library: DocumentLibrary, serviceId: string): Promise<DashboardLibrary> {
  try {
    const items = await library.listLibrary(serviceId);
    return {
      status: 'available',
      items: items
        .map((i) => ({
          folder: i.folder,
          name: i.name,
          documentType: i.metadata?.documentType ?? null,
          version: i.metadata?.version ?? null,
          versionLabel: i.versionLabel,
          lastModified: i.lastModified,
          retainUntil: i.metadata?.retainUntil ?? null,
          webUrl: i.webUrl,
        }))
        .sort((a, b) => b.lastModified.localeCompare(a.lastModified) || `${a.folder}/${a.name}`.localeCompare(`${b.folder}/${b.name}`)),
    };
  } catch (error) {
    // Only the outside service's own code reaches the page: a local error could name paths on the server.
    const code = error instanceof OutsideServiceError ? ` (${error.code})` : '';
    return { status: 'unavailable', message: `The document library did not answer${code}. The rest of the dashboard is up to date; try again later.` };
  }
}
