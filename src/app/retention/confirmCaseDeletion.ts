import { z } from 'zod';
import { notFound, ruleViolation } from '../../domain/errors.js';
import { isPastRetention, retainUntil } from '../../domain/retention.js';
import type { Principal } from '../../domain/staff.js';
import { todayIn } from '../../ports/clock.js';
import type { StoreTx } from '../../ports/store.js';
import { assertRoleAllowed, assertServiceAllowed } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { type CaseDueForDeletion, dueForDeletion } from './listCasesPastRetention.js';
import { serviceOf } from '../team/staffing.js';
import { inTransaction } from '../unitOfWork.js';

/** The administrator confirms by typing the case reference: deletion cannot be undone. */
export const deletionConfirmationSchema = z.object({ confirmReference: z.string().min(1).max(40) }).strict();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function expiredCase(tx: StoreTx, p: Principal, caseId: string, today: string): Promise<CaseDueForDeletion> {
  assertRoleAllowed(p, 'retention.delete');
  const c = UUID.test(caseId) ? await tx.cases.get(caseId) : null;
  if (!c) throw notFound('That case');
  assertServiceAllowed(p, 'retention.delete', c.serviceId);
  const service = await serviceOf(tx, c.serviceId);
  if (!isPastRetention(c, service.settings.retention, today)) {
    const until = retainUntil(c, service.settings.retention);
    throw ruleViolation(
      until
        ? `Case ${c.reference} is kept until ${until}; it can be deleted after that.`
        : `Case ${c.reference} is not closed; only closed cases past retention are deleted.`,
      { reference: c.reference, retainUntil: until },
    );
  }
  return dueForDeletion(c, service);
}

/**
 * Deletes a closed case past retention once an administrator confirms it: first its folder in the
 * service's library, then everything recorded on it. Only an audit record that it happened stays.
 * The folder goes first so that a failure leaves the case in place to try again, never a record
 * pointing at documents that are gone without trace.
 */
export async function confirmCaseDeletion(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<CaseDueForDeletion> {
  const { confirmReference } = parseInput(deletionConfirmationSchema, input, 'The confirmation');
  const today = todayIn(deps.clock);
  const due = await inTransaction(deps, person, async (w) => {
    const found = await expiredCase(w.tx, person, caseId, today);
    if (confirmReference.trim() !== found.reference) throw ruleViolation(`To confirm, type the case reference ${found.reference} exactly.`);
    return found;
  });
  await deps.library.deleteCaseFolder(due.serviceId, due.reference);
  return inTransaction(deps, person, async (w) => {
    const still = await expiredCase(w.tx, person, caseId, today);
    await w.tx.cases.purge(still.caseId);
    await w.audit({
      action: 'case.purged',
      caseId: still.caseId,
      serviceId: still.serviceId,
      detail: { reference: still.reference, pathway: still.pathway, closedOn: still.closedOn, retainUntil: still.retainUntil, libraryFolder: 'deleted' },
    });
    return still;
  });
}
