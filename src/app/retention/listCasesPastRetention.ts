import { z } from 'zod';
import type { Case } from '../../domain/case.js';
import { isPastRetention, retainUntil } from '../../domain/retention.js';
import { type Service, serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { casesOfService } from '../oversight/exportOutcomes.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * A closed case as the administrator reviewing retention sees it: enough to decide, nothing of the
 * child or the work (administrators see no case content).
 */
export interface CaseDueForDeletion {
  caseId: string;
  reference: string;
  serviceId: string;
  pathway: Case['pathway'];
  closedOn: string;
  closureReason: Case['closureReason'];
  retainUntil: string;
}

export const dueForDeletion = (caseRecord: Case, service: Service): CaseDueForDeletion => ({
  caseId: caseRecord.id,
  reference: caseRecord.reference,
  serviceId: caseRecord.serviceId,
  pathway: caseRecord.pathway,
  closedOn: (caseRecord.closedAt as string).slice(0, 10),
  closureReason: caseRecord.closureReason,
  retainUntil: retainUntil(caseRecord, service.settings.retention) as string,
});

export const retentionQuerySchema = z.object({ service: serviceIdSchema.optional() }).strict();

/** Closed cases past their service's retention period, oldest first, waiting for an administrator to confirm deletion. */
export async function listCasesPastRetention(deps: AppDeps, person: Principal, query: unknown): Promise<CaseDueForDeletion[]> {
  const q = parseInput(retentionQuerySchema, query, 'The retention query');
  const today = todayIn(deps.clock);
  return inTransaction(deps, person, async (w) => {
    const services = (await w.tx.services.list()).filter((s) => !q.service || s.id === q.service);
    const due: CaseDueForDeletion[] = [];
    for (const service of services) {
      assertServiceAllowed(person, 'retention.review', service.id);
      for (const c of await casesOfService(w.tx, service.id)) {
        if (isPastRetention(c, service.settings.retention, today)) due.push(dueForDeletion(c, service));
      }
    }
    due.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil) || a.reference.localeCompare(b.reference));
    await w.audit({ action: 'retention.reviewed', caseId: null, serviceId: q.service ?? null, detail: { due: due.map((d) => d.reference) } });
    return due;
  });
}
