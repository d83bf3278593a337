import { z } from 'zod';
import { LIFE_STAGES } from '../../domain/lifeStage.js';
import { AGENCIES } from '../../domain/staff.js';
import type { Notification } from '../../ports/notifier.js';
import type { JobKind } from '../../ports/outbox.js';
import type { AppDeps } from '../deps.js';
import { inTransaction, SYSTEM_ACTOR, type Work } from '../unitOfWork.js';

/** notify: a message to a person in Teams, delivered by the bot (the Notifier port). */
export const NOTIFY_KIND = 'notify';

/**
 * Queues a notification in the same transaction as the change that causes it, so it is sent if
 * and only if the change commits. `dedupeKey` makes a repeated cause send once: then this returns false.
 */
export async function queueNotification(
  work: Pick<Work, 'enqueue'>,
  recipientStaffId: string,
  notification: Notification,
  dedupeKey: string,
  serviceId: string | null,
): Promise<boolean> {
  return work.enqueue({
    kind: NOTIFY_KIND,
    payload: notification,
    recipient: recipientStaffId,
    caseId: 'caseId' in notification ? notification.caseId : null,
    serviceId,
    dedupeKey: `${NOTIFY_KIND}:${dedupeKey}:${recipientStaffId}`,
  });
}

const id = z.string().min(1).max(64);

/** Jobs are read back from the database: what is sent is checked again, not trusted. */
export const notificationSchema: z.ZodType<Notification> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting.invitation'), meetingId: id, caseId: id }),
  z.object({ kind: z.literal('agreement.prompt'), caseId: id }),
  z.object({ kind: z.literal('review.reminder'), caseId: id, dueDate: z.iso.date(), overdue: z.boolean() }),
  z.object({ kind: z.literal('action.due'), caseId: id, actionId: id, sequence: z.number().int().min(1), dueBy: z.iso.date() }),
  z.object({ kind: z.literal('transition.due'), caseId: id }),
  z.object({ kind: z.literal('formulation.approved'), caseId: id, formulationNumber: z.number().int().min(1) }),
  z.object({ kind: z.literal('team.invited'), caseId: id, staffId: id }),
  z.object({ kind: z.literal('question.asked'), caseId: id, questionId: id, lifeStage: z.enum(LIFE_STAGES), agency: z.enum(AGENCIES) }),
]);

const MINUTE = 60_000;

/**
 * Delivers queued notifications through the notifier (the bot). A person who cannot be reached is
 * recorded as such, once, for the tab to show; their later notifications wait, given up, until they
 * come back (see rememberConversation). Nobody gets more than `perMinute` a minute: the rest are
 * postponed, never dropped.
 */
export function notifyJob(perMinute: number): JobKind<Notification, AppDeps> {
  return {
    kind: NOTIFY_KIND,
    payload: notificationSchema,
    malformed: 'the job is not a notification to a person',
    async deliver(deps, notification, job) {
      const recipient = job.recipient;
      if (!recipient || !deps.notifier) return { ok: false, permanent: true, error: 'the job is not a notification to a person' };
      const now = deps.clock.now();

      const { conversation, delivered } = await deps.store.transaction(async (tx) => ({
        conversation: await tx.conversations.get(recipient),
        delivered: await tx.outbox.deliveredSince(recipient, NOTIFY_KIND, new Date(now.getTime() - MINUTE).toISOString()),
      }));
      if (conversation?.unreachable) {
        // Known already (and said once in the log): it waits for them to come back, quietly.
        return { ok: false, permanent: true, held: 'again', error: `unreachable: ${conversation.unreachable.reason}` };
      }
      if (delivered.length >= perMinute) {
        // Wait until the oldest delivery that fills the window is a minute old.
        const oldest = delivered[delivered.length - perMinute] as string;
        const retryAfterMs = Math.max(1000, Date.parse(oldest) + MINUTE - now.getTime());
        return { ok: false, permanent: false, deferred: true, retryAfterMs, error: `waiting: ${perMinute} notifications a minute at most` };
      }

      const result = await deps.notifier.deliver(recipient, notification);
      const about = { caseId: job.caseId, serviceId: job.serviceId };
      if (result.ok) {
        await inTransaction(deps, SYSTEM_ACTOR, (w) => w.audit({ action: 'notification.delivered', ...about, detail: { kind: notification.kind, recipient } }));
        return result;
      }
      if (result.unreachable) {
        const reason = result.unreachable;
        await inTransaction(deps, SYSTEM_ACTOR, async (w) => {
          await w.tx.conversations.markUnreachable(recipient, reason, w.now);
          await w.audit({ action: 'notification.unreachable', ...about, detail: { kind: notification.kind, recipient, reason } });
          if (job.caseId) await w.emit({ caseId: job.caseId, type: 'team.unreachable', data: { staffId: recipient, reason, since: w.now } });
        });
        return { ok: false, permanent: true, held: 'first', error: `unreachable: ${reason}: ${result.error}` };
      }
      return {
        ok: false,
        permanent: result.permanent,
        error: result.error,
        ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
      };
    },
  };
}
