import { isOpenForWork } from '../../domain/case.js';
import { type Meeting, type MeetingKind, meetingChatEventSchema } from '../../domain/meeting.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { saveMeeting } from './saveMeeting.js';
import { inTransaction, SYSTEM_ACTOR } from '../unitOfWork.js';

/** The meeting a Teams meeting chat belongs to, as the bot may speak of it there: by case reference only. */
export interface MeetingInChat {
  caseId: string;
  reference: string;
  meetingId: string;
  kind: MeetingKind;
  /** Whether someone has already recorded what the meeting decided. */
  outcomeRecorded: boolean;
}

/**
 * `unknown_chat`: the chat holds no ECM meeting. `nothing_to_do`: this was already heard (Teams
 * may deliver an event again), or the meeting was cancelled or its case closed.
 */
export type MeetingChatEventResult = { outcome: 'unknown_chat' } | { outcome: 'nothing_to_do' } | { outcome: 'recorded'; meeting: MeetingInChat };

type Moment = 'startedAt' | 'endedAt';

/**
 * Teams speaks for itself here, not for a person: the system records what it heard, as it records
 * a calendar's link. Each moment is recorded once, so a repeated event changes nothing.
 */
async function hear(deps: AppDeps, input: unknown, moment: Moment): Promise<MeetingChatEventResult> {
  const event = parseInput(meetingChatEventSchema, input, 'The meeting event');
  return inTransaction(deps, SYSTEM_ACTOR, async (w) => {
    const meeting = await w.tx.meetings.findByChat(event.chatId);
    const c = meeting ? await w.tx.cases.get(meeting.caseId) : null;
    if (!meeting || !c) return { outcome: 'unknown_chat' };
    if (meeting[moment] !== null || meeting.status === 'cancelled' || !isOpenForWork(c)) return { outcome: 'nothing_to_do' };
    // The version stays: it guards what people edit, and an outcome form opened before Teams spoke
    // must still save (recording the outcome reads the meeting afresh, so this moment is kept).
    const heard: Meeting = { ...meeting, [moment]: event.at };
    await saveMeeting(w, c, heard, meeting.version, moment === 'startedAt' ? 'meeting.teams.started' : 'meeting.teams.ended', null);
    return {
      outcome: 'recorded',
      meeting: { caseId: c.id, reference: c.reference, meetingId: meeting.id, kind: meeting.kind, outcomeRecorded: meeting.outcome !== null },
    };
  });
}

/** The meeting began in Teams: `{ chatId, at }` from its chat. */
export const markMeetingStarted = (deps: AppDeps, input: unknown) => hear(deps, input, 'startedAt');

/** The meeting ended in Teams: it was held, and its outcome is now to be recorded. */
export const markMeetingEnded = (deps: AppDeps, input: unknown) => hear(deps, input, 'endedAt');
