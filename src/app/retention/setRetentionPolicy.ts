import { retainUntil, retentionPolicySchema } from '../../domain/retention.js';
import type { RetentionPolicy } from '../../domain/service.js';
import { serviceIdSchema } from '../../domain/service.js';
import type { Principal } from '../../domain/staff.js';
import { assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { serviceOf } from '../team/staffing.js';
import { casesOfService } from '../oversight/exportOutcomes.js';
import { queueRetainUntilRestamp } from './restampDocumentsJob.js';
import { inTransaction } from '../unitOfWork.js';

/** The service's retention periods by pathway, as anyone who works in it may read them. */
export async function showRetentionPolicy(deps: AppDeps, person: Principal, serviceId: string): Promise<RetentionPolicy> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'service.read', id);
    return (await serviceOf(w.tx, id)).settings.retention;
  });
}

/** An administrator sets how many years after closure each pathway's cases are kept. */
export async function setRetentionPolicy(deps: AppDeps, person: Principal, serviceId: string, input: unknown): Promise<RetentionPolicy> {
  const id = parseInput(serviceIdSchema, serviceId, 'The service');
  const retention = parseInput(retentionPolicySchema, input, 'The retention policy');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'service.configure', id);
    const service = await serviceOf(w.tx, id);
    await w.tx.services.updateSettings(id, { ...service.settings, retention });
    // Closed cases are now kept until another date: their files in the library say so too.
    for (const c of await casesOfService(w.tx, id)) {
      const until = retainUntil(c, retention);
      if (until && until !== retainUntil(c, service.settings.retention)) await queueRetainUntilRestamp(w, c, until);
    }
    await w.audit({
      action: 'service.retention.changed',
      caseId: null,
      serviceId: id,
      detail: { statutoryYears: retention.statutoryYears, consultationYears: retention.consultationYears },
    });
    return retention;
  });
}
