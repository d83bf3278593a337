import { principalOf, type Staff } from '../../domain/staff.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';
import { NOTIFY_KIND } from './notifyJob.js';

/** Notifications that could not reach someone are sent again when they come back within this many days. */
const RESEND_WITHIN_DAYS = 30;

/** The Teams user behind a bot activity, by their Entra object id; null when they are not known here. */
export async function identifyTeamsUser(deps: AppDeps, aadObjectId: string | undefined): Promise<Staff | null> {
  if (!aadObjectId) return null;
  return deps.store.transaction((tx) => tx.staff.getByAadObjectId(aadObjectId));
}

/**
 * Keeps the newest conversation reference of a person's chat with the bot (on install and on
 * every message). Someone who could not be reached is reachable again, and what could not reach
 * them in the last month is sent now. Returns how many notifications were queued again.
 */
export async function rememberConversation(deps: AppDeps, staff: Staff, reference: unknown): Promise<number> {
  return inTransaction(deps, principalOf(staff), async (w) => {
    const before = await w.tx.conversations.get(staff.id);
    await w.tx.conversations.remember(staff.id, reference, w.now);
    if (!before?.unreachable) return 0;
    const since = new Date(Date.parse(w.now) - RESEND_WITHIN_DAYS * 86_400_000).toISOString();
    const revived = await w.tx.outbox.revive(staff.id, NOTIFY_KIND, since, w.now);
    await w.audit({ action: 'bot.reachable', caseId: null, serviceId: null, detail: { previously: before.unreachable.reason, resent: revived } });
    return revived;
  });
}

/** The person removed the app from their chat: nothing can reach them until they add it again. */
export async function forgetConversation(deps: AppDeps, staff: Staff): Promise<void> {
  await inTransaction(deps, principalOf(staff), async (w) => {
    await w.tx.conversations.markUnreachable(staff.id, 'app_removed', w.now);
    await w.audit({ action: 'bot.removed', caseId: null, serviceId: null, detail: {} });
  });
}
