/**
 * Messages to people in Teams (the bot). Every notification is queued in the outbox and delivered
 * with retries; the text names cases by reference only.
 */
export type Notification =
  | { kind: 'meeting.invitation'; meetingId: string; caseId: string }
  | { kind: 'agreement.prompt'; caseId: string }
  | { kind: 'review.reminder'; caseId: string; dueDate: string; overdue: boolean }
  | { kind: 'formulation.approved'; caseId: string; formulationNumber: number }
  | { kind: 'team.invited'; caseId: string; staffId: string };

export type DeliveryResult = { ok: true } | { ok: false; permanent: boolean; retryAfterMs?: number; error: string };

export interface Notifier {
  /** Sends one notification to one person now; the outbox decides when and whether to retry. */
  deliver(recipientStaffId: string, notification: Notification): Promise<DeliveryResult>;
}
