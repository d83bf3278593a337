import type { Case } from '../domain/case.js';
import { reminderRecipients } from '../domain/reviewCadence.js';
import { todayIn } from '../ports/clock.js';
import type { NewOutboxJob } from '../ports/outbox.js';
import type { StoreTx } from '../ports/store.js';
import type { AppDeps } from '../app/deps.js';
import { NOTIFY_KIND, queueNotification } from '../app/notify.js';
import { reviewStatusOf } from '../app/reviewStatusOf.js';
import { describeError, type Logger } from '../lib/logger.js';

const PAGE = 200;

/**
 * Reminds the ECM practitioners on a case team and the case holder of a review: once when it
 * comes within 14 days of its due date (unless a review meeting is already booked), and once when
 * it is overdue. Each reminder has its own key, so running the scan again sends nothing twice.
 * Returns how many reminders were queued.
 */
export async function queueReviewReminders(deps: AppDeps): Promise<number> {
  const today = todayIn(deps.clock);
  let queued = 0;
  let after: string | undefined;
  do {
    const page = await deps.store.transaction(async (tx) => {
      const found = await tx.cases.list({ status: ['active'] }, { limit: PAGE, after });
      for (const c of found.items) queued += await remindAbout(deps, tx, c, today);
      return found;
    });
    after = page.nextCursor ?? undefined;
  } while (after);
  return queued;
}

async function remindAbout(deps: AppDeps, tx: StoreTx, c: Case, today: string): Promise<number> {
  const service = await tx.services.get(c.serviceId);
  if (!service) return 0;
  const meetings = await tx.meetings.list(c.id);
  const status = reviewStatusOf(c, await tx.formulations.list(c.id), meetings, service.settings, today);
  if (!status || status.state === 'not_due') return 0;
  const overdue = status.state === 'overdue';
  const now = deps.clock.now().toISOString();
  if (!overdue && meetings.some((m) => m.kind === 'review' && m.status === 'scheduled' && m.startsAt >= now)) return 0;

  const key = overdue ? `review-overdue:${c.id}:${status.overdueFrom}` : `review-due:${c.id}:${status.nextReviewDue}`;
  const team = await tx.team.list(c.id);
  const recipients = reminderRecipients(team, c.caseHolderId);
  const sent = new Set((await tx.outbox.list({ kind: NOTIFY_KIND, caseId: c.id }, 1000)).map((j) => j.dedupeKey));
  const fresh = recipients.filter((r) => !sent.has(`${NOTIFY_KIND}:${key}:${r}`));
  if (fresh.length === 0) return 0;

  const w = { enqueue: (job: NewOutboxJob) => tx.outbox.enqueue({ ...job, id: deps.newId(), now }) };
  for (const r of fresh) {
    await queueNotification(w, r, { kind: 'review.reminder', caseId: c.id, dueDate: status.nextReviewDue, overdue }, key, c.serviceId);
  }
  await tx.audit.append(
    {
      actorId: 'system',
      action: 'review.reminder.queued',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, overdue, due: status.nextReviewDue, recipients: fresh },
    },
    now,
  );
  return fresh.length;
}

/** Runs the scan now and then every `everyMinutes`; 0 never. */
export function startReviewReminders(deps: AppDeps, logger: Logger, everyMinutes: number): { stop(): void } {
  if (everyMinutes <= 0) return { stop() {} };
  const run = () =>
    queueReviewReminders(deps)
      .then((n) => n > 0 && logger.info('review reminders queued', { count: n }))
      .catch((error) => logger.error('review reminder scan failed', { error: describeError(error) }));
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, everyMinutes * 60_000);
  first.unref?.();
  timer.unref?.();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
