import type { UndeliveredJob } from '../../contract/views.js';
import { z } from 'zod';
import type { Principal } from '../../domain/staff.js';
import type { OutboxJob } from '../../ports/outbox.js';
import type { StoreTx } from '../../ports/store.js';
import { assertServiceAllowed, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

export const undeliveredQuerySchema = z.object({ status: z.enum(['pending', 'dead']).optional() }).strict();

const shown = (j: OutboxJob): UndeliveredJob => ({
  id: j.id,
  kind: j.kind,
  status: j.status === 'dead' ? 'dead' : 'pending',
  attempts: j.attempts,
  lastError: j.lastError,
  nextAttemptAt: j.status === 'pending' ? j.nextAttemptAt : null,
  caseId: j.caseId,
  createdAt: j.createdAt,
});

const LIMIT = 200;

/** Jobs not yet delivered for a case or a service, dead first (also for the dashboard). */
export async function undelivered(tx: StoreTx, filter: { caseId?: string; serviceId?: string }, status?: 'pending' | 'dead') {
  const statuses = status ? [status] : (['dead', 'pending'] as const);
  const jobs: OutboxJob[] = [];
  for (const s of statuses) jobs.push(...(await tx.outbox.list({ ...filter, status: s }, LIMIT)));
  return jobs.map(shown);
}

export async function listUndeliveredForCase(deps: AppDeps, person: Principal, caseId: string, query: unknown): Promise<UndeliveredJob[]> {
  const { status } = parseInput(undeliveredQuerySchema, query, 'The query');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'documents.read');
    await w.audit({ action: 'deliveries.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return undelivered(w.tx, { caseId: c.id }, status);
  });
}

export async function listUndeliveredForService(deps: AppDeps, person: Principal, serviceId: string, query: unknown): Promise<UndeliveredJob[]> {
  const { status } = parseInput(undeliveredQuerySchema, query, 'The query');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'dashboard.read', serviceId);
    await w.audit({ action: 'deliveries.read', caseId: null, serviceId, detail: {} });
    return undelivered(w.tx, { serviceId }, status);
  });
}
