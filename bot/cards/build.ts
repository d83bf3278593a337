import type { AppDeps } from '../../src/app/deps.js';
import { showAgreementPrompt } from '../../src/app/agreement/showAgreementPrompt.js';
import { showCase } from '../../src/app/case/showCase.js';
import { showInvitation } from '../../src/app/meetings/showInvitation.js';
import type { Principal } from '../../src/domain/staff.js';
import type { Notification } from '../../src/ports/notifier.js';
import {
  actionDueCard,
  agreementCard,
  type CardContext,
  type TypedAgreement,
  formulationApprovedCard,
  invitationCard,
  questionAskedCard,
  reviewReminderCard,
  teamInvitedCard,
  transitionDueCard,
} from './cards.js';
import type { Card } from './render.js';

/** The cards that answer for themselves: each shows the reader's current state and refreshes. */
export type LiveCard = { kind: 'invitation'; caseId: string; meetingId: string } | { kind: 'agreement'; caseId: string } | { kind: 'team'; caseId: string };

/** The card action that shows a live card again (its refresh verb). */
export function showActionOf(card: LiveCard): { verb: string; data: Record<string, unknown> } {
  switch (card.kind) {
    case 'invitation':
      return { verb: 'invitation.show', data: { caseId: card.caseId, meetingId: card.meetingId } };
    case 'agreement':
      return { verb: 'agreement.show', data: { caseId: card.caseId } };
    case 'team':
      return { verb: 'team.show', data: { caseId: card.caseId } };
  }
}

/** A live card as this person sees it now, through the use cases (so through the access policy); `typed` refills the agreement card's inputs. */
export async function liveCard(deps: AppDeps, person: Principal, card: LiveCard, ctx: CardContext, typed?: TypedAgreement): Promise<Card> {
  switch (card.kind) {
    case 'invitation':
      return invitationCard(await showInvitation(deps, person, card.caseId, card.meetingId), ctx);
    case 'agreement':
      return agreementCard(await showAgreementPrompt(deps, person, card.caseId), ctx, typed);
    case 'team':
      return teamInvitedCard(await showCase(deps, person, card.caseId), ctx);
  }
}

/** The card a notification is delivered as, built for its recipient. */
export async function notificationCard(deps: AppDeps, recipient: Principal, notification: Notification, ctx: CardContext): Promise<Card> {
  switch (notification.kind) {
    case 'meeting.invitation':
      return liveCard(deps, recipient, { kind: 'invitation', caseId: notification.caseId, meetingId: notification.meetingId }, ctx);
    case 'agreement.prompt':
      return liveCard(deps, recipient, { kind: 'agreement', caseId: notification.caseId }, ctx);
    case 'team.invited':
      return liveCard(deps, recipient, { kind: 'team', caseId: notification.caseId }, ctx);
    case 'review.reminder': {
      const c = await showCase(deps, recipient, notification.caseId);
      return reviewReminderCard({ caseId: c.id, reference: c.reference, dueDate: notification.dueDate, overdue: notification.overdue }, ctx.links);
    }
    case 'action.due': {
      const c = await showCase(deps, recipient, notification.caseId);
      return actionDueCard({ caseId: c.id, reference: c.reference, sequence: notification.sequence, dueBy: notification.dueBy }, ctx.links);
    }
    case 'transition.due': {
      const c = await showCase(deps, recipient, notification.caseId);
      return transitionDueCard({ caseId: c.id, reference: c.reference }, ctx.links);
    }
    case 'question.asked': {
      const c = await showCase(deps, recipient, notification.caseId);
      return questionAskedCard({ caseId: c.id, reference: c.reference, agency: notification.agency, lifeStage: notification.lifeStage }, ctx.links);
    }
    case 'formulation.approved': {
      const c = await showCase(deps, recipient, notification.caseId);
      return formulationApprovedCard({ caseId: c.id, reference: c.reference, formulationNumber: notification.formulationNumber }, ctx.links);
    }
  }
}
