import type { Notification } from '../../ports/notifier.js';
import type { Work } from '../unitOfWork.js';

/** The outbox kind for a message to a person in Teams; the bot's deliverer takes these jobs. */
export const NOTIFY_KIND = 'notify';

/**
 * Queues a notification in the same transaction as the change that causes it, so it is sent if
 * and only if the change commits. `dedupeKey` makes a repeated cause send once: then this returns false.
 */
export async function queueNotification(
  w: Pick<Work, 'enqueue'>,
  recipientStaffId: string,
  notification: Notification,
  dedupeKey: string,
  serviceId: string | null,
): Promise<boolean> {
  return w.enqueue({
    kind: NOTIFY_KIND,
    payload: notification,
    recipient: recipientStaffId,
    caseId: 'caseId' in notification ? notification.caseId : null,
    serviceId,
    dedupeKey: `${NOTIFY_KIND}:${dedupeKey}:${recipientStaffId}`,
  });
}
