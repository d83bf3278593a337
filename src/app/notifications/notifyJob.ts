import { z } from 'zod';
import type { CaseEventBus } from '../../ports/caseEventBus.js';
import type { Clock } from '../../ports/clock.js';
import type { Notification, Notifier } from '../../ports/notifier.js';
import type { OutboxJob } from '../../ports/outbox.js';
import type { Store } from '../../ports/store.js';
import type { DeliveryOutcome } from '../../jobs/outboxWorker.js';
import { NOTIFY_KIND } from './queueNotification.js';

const id = z.string().min(1).max(64);

/** Jobs are read back from the database: what is sent is checked again, not trusted. */
export const notificationSchema: z.ZodType<Notification> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting.invitation'), meetingId: id, caseId: id }),
  z.object({ kind: z.literal('agreement.prompt'), caseId: id }),
  z.object({ kind: z.literal('review.reminder'), caseId: id, dueDate: z.iso.date(), overdue: z.boolean() }),
  z.object({ kind: z.literal('formulation.approved'), caseId: id, formulationNumber: z.number().int().min(1) }),
  z.object({ kind: z.literal('team.invited'), caseId: id, staffId: id }),
]);

export interface NotificationDeliveryDeps {
  store: Store;
  clock: Clock;
  bus: CaseEventBus;
  notifier: Notifier;
  /** At most this many notifications reach one person in any minute; the rest wait their turn. */
  perMinute: number;
}

const MINUTE = 60_000;

/**
 * Delivers queued notifications through the notifier (the bot). A person who cannot be reached is
 * recorded as such, once, for the tab to show; their later notifications wait, given up, until they
 * come back (see rememberConversation). Nobody gets more than `perMinute` a minute: the rest are
 * postponed, never dropped.
 */
export function notificationDeliverer(deps: NotificationDeliveryDeps) {
  return async (job: OutboxJob): Promise<DeliveryOutcome> => {
    const parsed = notificationSchema.safeParse(job.payload);
    if (!parsed.success || !job.recipient) return { ok: false, permanent: true, error: 'the job is not a notification to a person' };
    const recipient = job.recipient;
    const now = deps.clock.now();

    const { conversation, delivered } = await deps.store.transaction(async (tx) => ({
      conversation: await tx.conversations.get(recipient),
      delivered: await tx.outbox.deliveredSince(recipient, NOTIFY_KIND, new Date(now.getTime() - MINUTE).toISOString()),
    }));
    if (conversation?.unreachable) {
      return { ok: false, permanent: true, error: `unreachable: ${conversation.unreachable.reason}` };
    }
    if (delivered.length >= deps.perMinute) {
      // Wait until the oldest delivery that fills the window is a minute old.
      const oldest = delivered[delivered.length - deps.perMinute] as string;
      const retryAfterMs = Math.max(1000, Date.parse(oldest) + MINUTE - now.getTime());
      return { ok: false, permanent: false, deferred: true, retryAfterMs, error: `waiting: ${deps.perMinute} notifications a minute at most` };
    }

    const result = await deps.notifier.deliver(recipient, parsed.data);
    const at = deps.clock.now().toISOString();
    const serviceId = job.serviceId;
    if (result.ok) {
      await deps.store.transaction((tx) =>
        tx.audit.append(
          { actorId: 'system', action: 'notification.delivered', caseId: job.caseId, serviceId, detail: { kind: parsed.data.kind, recipient } },
          at,
        ),
      );
      return result;
    }
    if (result.unreachable) {
      const reason = result.unreachable;
      const event = await deps.store.transaction(async (tx) => {
        await tx.conversations.markUnreachable(recipient, reason, at);
        await tx.audit.append(
          { actorId: 'system', action: 'notification.unreachable', caseId: job.caseId, serviceId, detail: { kind: parsed.data.kind, recipient, reason } },
          at,
        );
        return job.caseId
          ? tx.caseEvents.append(
              { caseId: job.caseId, type: 'team.unreachable', actorId: 'system', actorName: 'ECM for Teams', data: { staffId: recipient, reason, since: at } },
              at,
            )
          : null;
      });
      if (event) deps.bus.publish(event);
      return { ok: false, permanent: true, error: `unreachable: ${reason}: ${result.error}` };
    }
    return { ok: false, permanent: result.permanent, error: result.error, ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}) };
  };
}
