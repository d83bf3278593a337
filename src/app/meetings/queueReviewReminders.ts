import type { Case } from '../../domain/case.js';
import { reminderRecipients } from '../../domain/reviewCadence.js';
import { todayIn } from '../../ports/clock.js';
import type { AppDeps } from '../deps.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { reviewStatusOf } from '../../domain/reviewStatusOf.js';
import { scanCases } from '../scanCases.js';
import type { Work } from '../unitOfWork.js';

/**
 * Reminds the ECM practitioners on a case team and the case holder of a review: once when it
 * comes within 14 days of its due date (unless a review meeting is already booked), and once when
 * it is overdue. Each reminder has its own dedupe key in the outbox, so running the scan again
 * sends nothing twice. Returns how many reminders were queued.
 */
export async function queueReviewReminders(deps: AppDeps): Promise<number> {
  const today = todayIn(deps.clock);
  return scanCases(deps, ['active'], (w, c) => remindAbout(w, c, today));
}

async function remindAbout(w: Work, c: Case, today: string): Promise<number> {
  const service = await w.tx.services.get(c.serviceId);
  if (!service) return 0;
  const meetings = await w.tx.meetings.list(c.id);
  const status = reviewStatusOf(c, await w.tx.formulations.list(c.id), meetings, service.settings, today);
  if (!status || status.state === 'not_due') return 0;
  const overdue = status.state === 'overdue';
  if (!overdue && meetings.some((m) => m.kind === 'review' && m.status === 'scheduled' && m.startsAt >= w.now)) return 0;

  const key = overdue ? `review-overdue:${c.id}:${status.overdueFrom}` : `review-due:${c.id}:${status.nextReviewDue}`;
  const fresh: string[] = [];
  for (const r of reminderRecipients(await w.tx.team.list(c.id), c.caseHolderId)) {
    const notification = { kind: 'review.reminder' as const, caseId: c.id, dueDate: status.nextReviewDue, overdue };
    if (await queueNotification(w, r, notification, key, c.serviceId)) fresh.push(r);
  }
  if (fresh.length === 0) return 0;
  await w.audit({
    action: 'review.reminder.queued',
    caseId: c.id,
    serviceId: c.serviceId,
    detail: { reference: c.reference, overdue, due: status.nextReviewDue, recipients: fresh },
  });
  return fresh.length;
}
