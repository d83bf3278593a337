import type { Agreement, Party } from '../domain/agreement.js';
import type { Case, CaseStatus } from '../domain/case.js';
import type { CaseEventType } from '../domain/caseEvents.js';
import type { Formulation } from '../domain/formulation.js';
import type { Meeting } from '../domain/meeting.js';
import type { PlanAction } from '../domain/planAction.js';
import type { Summary } from '../domain/summary.js';
import type { TeamMember } from '../domain/team.js';
import type { TransitionPlan } from '../domain/transitionPlan.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { TimelineQuestion } from '../domain/timelineQuestion.js';
import type { TrmMovement, TrmPlacement } from '../domain/trm.js';
import type { DocumentType } from '../ports/documentLibrary.js';
import type { UnreachableReason } from '../ports/notifier.js';

export type { CaseEventType };

/**
 * What each case event carries: the changed record, so that watchers (the meeting side panel and
 * stage) need not ask again. A use case can only emit an event with its type's payload
 * (unitOfWork.ts), and the tab reads each payload by its type without casting.
 */
export interface CaseEventPayloads {
  'case.updated': { status: CaseStatus; closureReason: Case['closureReason'] };
  'agreement.recorded': { party: Party; decision: Agreement['decision']; status: CaseStatus };
  'team.changed': TeamMember;
  'team.unreachable': { staffId: string; reason: UnreachableReason; since: string };
  'timeline.added': TimelineEntry;
  'timeline.edited': TimelineEntry;
  'timeline.retracted': TimelineEntry;
  'question.asked': TimelineQuestion;
  'question.answered': TimelineQuestion;
  'formulation.saved': Formulation;
  'formulation.approved': Formulation;
  'trm.recorded': TrmPlacement & { movement: TrmMovement };
  'meeting.scheduled': Meeting;
  'meeting.updated': Meeting;
  'action.changed': PlanAction;
  'transition.changed': TransitionPlan;
  'summary.saved': Summary;
  'summary.approved': Summary;
  'document.queued': {
    documentId: string;
    fileName: string;
    documentType: DocumentType;
    version: string;
    reviewDate: string | null;
    retainUntil: string | null;
    size: number;
  };
  'document.delivered': { documentId: string; fileName: string; libraryVersion: string; webUrl: string | null };
}

/** One event as a use case emits it: its type decides its payload. */
export type CaseEventOf<T extends CaseEventType> = { caseId: string; type: T; data: CaseEventPayloads[T] };

/** One server-sent event on a case, as GET /cases/:id/events sends it (`event: <type>`, `id: <seq>`). */
export type LiveEvent = {
  [T in CaseEventType]: { seq: number; type: T; at: string; actor: { id: string; name: string }; data: CaseEventPayloads[T] };
}[CaseEventType];

/** What the stream says first: the case's reference, and whether the watcher must load the case afresh. */
export interface StreamReady {
  reference: string;
  resync: boolean;
}

// Every event type has a payload, and every payload an event type: adding one without the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_EVENT_TYPE_HAS_A_PAYLOAD: Same<keyof CaseEventPayloads, CaseEventType> = true;
