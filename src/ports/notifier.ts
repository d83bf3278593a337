import type { LifeStage } from '../domain/lifeStage.js';
import type { Agency } from '../domain/staff.js';

/**
 * Messages to people in Teams (the bot). Every notification is queued in the outbox and delivered
 * with retries; the text names cases by reference only.
 */
export type Notification =
  | { kind: 'meeting.invitation'; meetingId: string; caseId: string }
  | { kind: 'agreement.prompt'; caseId: string }
  | { kind: 'review.reminder'; caseId: string; dueDate: string; overdue: boolean }
  | { kind: 'action.due'; caseId: string; actionId: string; sequence: number; dueBy: string }
  /** The young person turns 18 within six months and there is no transition plan: no date, which would tell the month of birth. */
  | { kind: 'transition.due'; caseId: string }
  | { kind: 'formulation.approved'; caseId: string; formulationNumber: number }
  | { kind: 'team.invited'; caseId: string; staffId: string }
  /** The meeting asked the recipient's agency about a stage of the child's life: the stage and agency only, never the chair's own words. */
  | { kind: 'question.asked'; caseId: string; questionId: string; lifeStage: LifeStage; agency: Agency };

/**
 * Why a person cannot be sent anything until they act: they never installed the app, removed it,
 * blocked the bot, or their chat with it no longer exists. Teams answers 403 or 404 for these.
 */
export const UNREACHABLE_REASONS = ['app_not_installed', 'app_removed', 'bot_blocked', 'conversation_not_found'] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];

export type DeliveryResult = { ok: true } | { ok: false; permanent: boolean; retryAfterMs?: number; error: string; unreachable?: UnreachableReason };

export interface Notifier {
  /** Sends one notification to one person now; the outbox decides when and whether to retry. */
  deliver(recipientStaffId: string, notification: Notification): Promise<DeliveryResult>;
}
