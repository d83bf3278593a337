import type { DashboardLibrary, ServiceDashboard } from '../../contract/views.js';
import { caseloadOverview, type CaseloadRecord } from '../../domain/caseloadOverview.js';
import { overdueByAgency } from '../../domain/overdueActions.js';
import { decideOnService } from '../../domain/policy.js';
import { serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { OutsideServiceError } from '../../lib/outsideServiceError.js';
import { todayIn } from '../../ports/clock.js';
import type { DocumentLibrary } from '../../ports/documentLibrary.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { casesOfService } from './exportOutcomes.js';
import { parseInput } from '../input.js';
import { undelivered } from './listUndelivered.js';
import { NOTIFY_KIND } from '../notifications/notifyJob.js';
import { reviewStatusOf } from '../../domain/reviewStatusOf.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * One service at a glance, in one call, for its manager (and the ECM staff who serve it): read-only
 * and audited. Named by case reference only; no child's name or date of birth is in it.
 */
export async function showServiceDashboard(deps: AppDeps, person: Principal, serviceId: string): Promise<ServiceDashboard> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  const today = todayIn(deps.clock);
  const fromStore = await inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'dashboard.read', id);
    const service = await serviceOf(w.tx, id);
    const cases = await casesOfService(w.tx, id);
    const records: CaseloadRecord[] = [];
    const teams = new Map<string, string[]>();
    const plans: Parameters<typeof overdueByAgency>[0] = [];
    for (const c of cases) {
      if (c.status === 'closed') {
        records.push({ case: c, agreements: [], formulations: [], placements: [], review: null });
        continue;
      }
      const [agreements, formulations, meetings, placements, team, actions] = await Promise.all([
        w.tx.agreements.listForCase(c.id),
        w.tx.formulations.list(c.id),
        w.tx.meetings.list(c.id),
        w.tx.trm.list(c.id),
        w.tx.team.list(c.id),
        w.tx.actions.list(c.id),
      ]);
      plans.push({ caseId: c.id, reference: c.reference, actions });
      records.push({ case: c, agreements, formulations, placements, review: reviewStatusOf(c, formulations, meetings, service.settings, today) });
      for (const m of team) teams.set(m.staffId, [...(teams.get(m.staffId) ?? []), c.reference]);
    }

    const names = new Map((await w.tx.staff.list()).map((s) => [s.id, s.name]));
    const dead = await w.tx.outbox.list({ status: 'dead', kind: NOTIFY_KIND, serviceId: id }, 1000);
    const unreachable = (await w.tx.conversations.listUnreachable([...teams.keys()])).flatMap((u) =>
      u.unreachable
        ? [
            {
              staffId: u.staffId,
              name: names.get(u.staffId) ?? u.staffId,
              reason: u.unreachable.reason,
              since: u.unreachable.since,
              cases: (teams.get(u.staffId) ?? []).sort(),
              undelivered: dead.filter((j) => j.recipient === u.staffId).length,
            },
          ]
        : [],
    );
    const references = new Map(cases.map((c) => [c.id, c.reference]));
    const waiting = await undelivered(w.tx, { serviceId: id });
    const jobs = waiting.items.map((j) => ({ ...j, reference: j.caseId ? (references.get(j.caseId) ?? null) : null }));
    const messages = waiting.messages.map((m) => ({ ...m, references: m.caseIds.flatMap((c) => references.get(c) ?? []).sort() }));
    await w.audit({ action: 'dashboard.read', caseId: null, serviceId: id, detail: { cases: cases.length } });
    return {
      service: { id: service.id, name: service.name },
      overview: caseloadOverview(records, today, service.settings.agreementRules),
      actionsOverdueByAgency: overdueByAgency(plans, today),
      unreachable: unreachable.sort((a, b) => a.name.localeCompare(b.name)),
      undelivered: jobs,
      undeliveredMessages: messages,
    };
  });

  return {
    service: fromStore.service,
    today,
    ...fromStore.overview,
    actionsOverdueByAgency: fromStore.actionsOverdueByAgency,
    unreachable: fromStore.unreachable,
    undelivered: fromStore.undelivered,
    undeliveredMessages: fromStore.undeliveredMessages,
    library: decideOnService(person, 'library.read', id).allowed
      ? await libraryOf(deps.library, id)
      : { status: 'unavailable', message: 'Your role does not show the library.' },
    messagesWaitForPlayground: deps.messagesWaitForPlayground ?? false,
  };
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
