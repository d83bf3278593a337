import type { Case } from '../../domain/case.js';
import { fallsDueFor } from '../../domain/planAction.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { scanCases } from '../scanCases.js';
import type { Work } from '../unitOfWork.js';

/**
 * Reminds the owner of each unfinished action once its "by when" has come: once per action and
 * date (a new date is a new reminder). The outbox's dedupe key makes a second scan, after a
 * restart or on another instance, send nothing twice. Returns how many reminders were queued.
 */
export async function queueActionReminders(deps: AppDeps): Promise<number> {
  const today = todayIn(deps.clock);
  return scanCases(deps, ['active'], (w, c) => remindOwners(w, c, today));
}

async function remindOwners(w: Work, c: Case, today: string): Promise<number> {
  const team = new Set((await w.tx.team.list(c.id)).map((m) => m.staffId));
  let queued = 0;
  for (const a of await w.tx.actions.list(c.id)) {
    const owner = fallsDueFor(a, today);
    // Someone who has left the team no longer reads the case: the ECM team re-plans instead.
    if (!owner || !a.dueBy || !team.has(owner)) continue;
    const notification = { kind: 'action.due' as const, caseId: c.id, actionId: a.id, sequence: a.sequence, dueBy: a.dueBy };
    if (!(await queueNotification(w, owner, notification, `action-due:${a.id}:${a.dueBy}`, c.serviceId))) continue;
    await w.audit({
      action: 'action.reminder.queued',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, actionId: a.id, due: a.dueBy, recipient: owner },
    });
    queued++;
  }
  return queued;
}
