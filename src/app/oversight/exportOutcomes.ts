import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.js';
import { OUTCOME_COLUMNS, outcomeRow, toCsv } from '../../domain/outcomes.js';
import { serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import type { Case } from '../../domain/case.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

const isoDate = z.string().refine(isIsoDate, 'is a date such as 2026-03-09');

/** Optionally only cases referred between two dates (inclusive). */
export const outcomeQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export interface OutcomeExport {
  fileName: string;
  csv: string;
  rows: number;
}

export async function casesOfService(tx: StoreTx, serviceId: string): Promise<Case[]> {
  const cases: Case[] = [];
  let after: string | undefined;
  do {
    const page = await tx.cases.list({ serviceIds: [serviceId] }, { limit: 200, after });
    cases.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return cases;
}

/**
 * The service's outcome measures for evaluation, one anonymised row per case in order of referral.
 * Only the service's own manager may export them; the export is audited.
 */
export async function exportOutcomes(deps: AppDeps, person: Principal, serviceId: string, query: unknown): Promise<OutcomeExport> {
  const service = parseInput(serviceIdSchema, serviceId, 'The service');
  const q = parseInput(outcomeQuerySchema, query, 'The export query');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'outcomes.export', service);
    const { settings } = await serviceOf(w.tx, service);
    const cases = (await casesOfService(w.tx, service))
      .filter((c) => (!q.from || c.referredAt.slice(0, 10) >= q.from) && (!q.to || c.referredAt.slice(0, 10) <= q.to))
      .sort((a, b) => a.referredAt.localeCompare(b.referredAt) || a.reference.localeCompare(b.reference));
    const rows = [];
    for (const [i, c] of cases.entries()) {
      const [agreements, formulations, meetings, placements] = await Promise.all([
        w.tx.agreements.listForCase(c.id),
        w.tx.formulations.list(c.id),
        w.tx.meetings.list(c.id),
        w.tx.trm.list(c.id),
      ]);
      rows.push(outcomeRow({ case: c, agreements, formulations, meetings, placements }, i + 1, settings.reviewCadence, settings.agreementRules));
    }
    await w.audit({ action: 'outcomes.exported', caseId: null, serviceId: service, detail: { rows: rows.length, from: q.from ?? null, to: q.to ?? null } });
    return { fileName: `${service}_ecm-outcomes_${todayIn(deps.clock)}.csv`, csv: toCsv(OUTCOME_COLUMNS, rows), rows: rows.length };
  });
}
