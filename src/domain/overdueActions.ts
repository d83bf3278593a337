import type { IsoDate } from './dates.js';
import { isOverdue, type PlanAction } from './planAction.js';
import type { Agency } from './staff.js';

/** One agency's actions past their "by when" and not done or stopped, and the cases they are on. */
export interface AgencyOverdue {
  agency: Agency;
  overdue: number;
  /** By case reference: where the team around the child is not holding. */
  cases: { caseId: string; reference: string }[];
}

/**
 * Overdue actions counted by the agency that holds them (a named owner counts for their agency),
 * most overdue first: a manager sees which part of the team around the children is not holding.
 */
export function overdueByAgency(plans: { caseId: string; reference: string; actions: PlanAction[] }[], today: IsoDate): AgencyOverdue[] {
  const byAgency = new Map<Agency, { overdue: number; cases: Map<string, string> }>();
  for (const plan of plans) {
    for (const a of plan.actions) {
      if (!isOverdue(a, today)) continue;
      const row = byAgency.get(a.owner.agency) ?? { overdue: 0, cases: new Map() };
      row.overdue += 1;
      row.cases.set(plan.caseId, plan.reference);
      byAgency.set(a.owner.agency, row);
    }
  }
  return [...byAgency.entries()]
    .map(([agency, r]) => ({
      agency,
      overdue: r.overdue,
      cases: [...r.cases.entries()].map(([caseId, reference]) => ({ caseId, reference })).sort((a, b) => a.reference.localeCompare(b.reference)),
    }))
    .sort((a, b) => b.overdue - a.overdue || a.agency.localeCompare(b.agency));
}
