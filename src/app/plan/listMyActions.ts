import type { MyAction } from '../../contract/views.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { can } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { actionView } from './actionView.js';

/**
 * Every action a person owns across all their cases, soonest first: what they promised the teams
 * around the children. Only cases they may still read the plan of; each case read is audited.
 */
export async function listMyActions(deps: AppDeps, person: Principal): Promise<MyAction[]> {
  const today = todayIn(deps.clock);
  return inTransaction(deps, person, async (w) => {
    const owned = await w.tx.actions.listOwnedBy(person.staffId);
    const items: MyAction[] = [];
    const cases = new Map<string, Awaited<ReturnType<typeof reach>>>();
    async function reach(caseId: string) {
      const c = await w.tx.cases.get(caseId);
      if (!c) return null;
      const membership = await w.tx.team.get(caseId, person.staffId);
      return can(person, 'actions.read', c, membership) ? { c, membership } : null;
    }
    for (const a of owned) {
      if (!cases.has(a.caseId)) cases.set(a.caseId, await reach(a.caseId));
      const found = cases.get(a.caseId);
      if (!found) continue;
      items.push({ ...actionView(a, person, found.c, found.membership, today), reference: found.c.reference });
    }
    for (const found of cases.values()) {
      if (found) await w.audit({ action: 'actions.mine.read', caseId: found.c.id, serviceId: found.c.serviceId, detail: { reference: found.c.reference } });
    }
    // Unfinished first, then by date (undated last), then by case and place in the plan.
    const open = (s: string) => (s === 'planned' || s === 'under_way' ? 0 : 1);
    return items.sort(
      (a, b) =>
        open(a.status) - open(b.status) ||
        (a.dueBy ?? '9999').localeCompare(b.dueBy ?? '9999') ||
        a.reference.localeCompare(b.reference) ||
        a.sequence - b.sequence,
    );
  });
}
