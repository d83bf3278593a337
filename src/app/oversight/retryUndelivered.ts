import { z } from 'zod';
import { notFound } from '../../domain/errors.js';
import { serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { NOTIFY_KIND } from '../notifications/notifyJob.js';
import { inTransaction } from '../unitOfWork.js';

/** One delivery by its id, or (no id) every blocked or given-up delivery of the service. */
export const retryUndeliveredSchema = z.object({ jobId: z.uuid().optional() }).strict();

/**
 * After an administrator fixed what refused them (a site grant, a client secret), a manager or an
 * administrator has the service's blocked and given-up deliveries tried again at once, instead of
 * waiting for the next slow retry or approving a document again. Teams messages are left out of
 * "all": they wait for their person to open the app, and are sent when they do.
 */
export async function retryUndelivered(deps: AppDeps, person: Principal, serviceId: string, body: unknown): Promise<{ retried: number }> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  const { jobId } = parseInput(retryUndeliveredSchema, body ?? {}, 'The request');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'deliveries.retry', id);
    const retried = await w.tx.outbox.retryNow(
      jobId ? { serviceId: id, id: jobId, statuses: ['blocked', 'dead'] } : { serviceId: id, statuses: ['blocked', 'dead'], exceptKind: NOTIFY_KIND },
      w.now,
    );
    if (jobId && retried.length === 0) throw notFound('That blocked or given-up delivery');
    await w.audit({ action: 'deliveries.retried', caseId: null, serviceId: id, detail: { jobs: retried.length, ...(jobId ? { jobId } : {}) } });
    return { retried: retried.length };
  });
}
