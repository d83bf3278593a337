import type { Case } from '../../domain/case.js';
import { turnsEighteenSoon } from '../../domain/turningEighteen.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { scanCases } from '../scanCases.js';
import type { Work } from '../unitOfWork.js';

/**
 * Reminds the case holder when a young person on their case turns 18 within six months and no
 * transition plan has been written: once per case (the outbox's dedupe key), however often and on
 * however many instances the scan runs. The card says "within six months" and never the date,
 * which would tell the month of birth. Returns how many reminders were queued.
 */
export async function queueTransitionReminders(deps: AppDeps): Promise<number> {
  const today = todayIn(deps.clock);
  return scanCases(deps, ['active'], async (w, c) => ((await remindHolder(w, c, today)) ? 1 : 0));
}

async function remindHolder(w: Work, c: Case, today: string): Promise<boolean> {
  // A consultation held on initials and age has no date of birth to count from.
  if (c.childDateOfBirth === null || !turnsEighteenSoon(c.childDateOfBirth, today) || (await w.tx.transitionPlans.get(c.id))) return false;
  if (!(await queueNotification(w, c.caseHolderId, { kind: 'transition.due', caseId: c.id }, `transition-due:${c.id}`, c.serviceId))) return false;
  await w.audit({ action: 'transition.reminder.queued', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference, recipient: c.caseHolderId } });
  return true;
}
