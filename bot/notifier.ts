import { z } from 'zod';
import type { AppDeps } from '../src/app/deps.js';
import { DomainError } from '../src/domain/errors.js';
import { principalOf } from '../src/domain/staff.js';
import { todayIn } from '../src/ports/clock.js';
import type { Notifier } from '../src/ports/notifier.js';
import type { Card } from './cards/render.js';
import type { TabLinks } from './links.js';
import { deliveryResultOf, type SendOutcome } from './sendFailures.js';

/** Sends one card into a stored conversation: the host does this with the bot framework. */
export type ProactiveSender = (reference: unknown, card: Card) => Promise<SendOutcome>;

/** Only the user's id is read from a stored reference (for the card's refresh); the rest goes back to the platform as it came. */
const referenceUser = z.object({ user: z.object({ id: z.string().min(1) }) });

/**
 * Delivers notifications as cards in each person's own chat with the bot. It is called by the
 * outbox (see src/app/notifications/notifyJob.ts), which retries, limits and records who cannot be reached.
 */
export function teamsNotifier(deps: AppDeps, send: ProactiveSender, links: TabLinks): Notifier {
  return {
    async deliver(recipientStaffId, notification) {
      const { staff, conversation } = await deps.store.transaction(async (tx) => ({
        staff: await tx.staff.get(recipientStaffId),
        conversation: await tx.conversations.get(recipientStaffId),
      }));
      if (!staff) return { ok: false, permanent: true, error: 'the recipient is no longer a member of staff' };
      if (!conversation?.reference) return { ok: false, permanent: true, error: 'has not installed ECM for Teams', unreachable: 'app_not_installed' };
      const user = referenceUser.safeParse(conversation.reference);
      let card: Card;
      try {
        // Loaded here, past the checks above: card templating is heavy, and most deliveries in local
        // mode end at "has not installed ECM for Teams" without needing a card.
        const { notificationCard } = await import('./cards/build.js');
        card = await notificationCard(deps, principalOf(staff), notification, {
          userIds: user.success ? [user.data.user.id] : [],
          links,
          today: todayIn(deps.clock),
          now: deps.clock.now().toISOString(),
        });
      } catch (error) {
        // The recipient left the team, or the case or meeting is gone: nothing to tell them.
        // Shown to managers as the message's last error: the reason in words (domain messages name no child), not the code.
        if (error instanceof DomainError) return { ok: false, permanent: true, error: `Not sent: ${error.message}` };
        throw error;
      }
      return deliveryResultOf(await send(conversation.reference, card));
    },
  };
}
