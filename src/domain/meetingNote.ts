import { z } from 'zod';
import type { Instant } from './dates.js';
import { plainText } from './text.js';

/**
 * Short factual notes of a meeting — what it decided and the actions agreed — written during or
 * after it, under the same text rule as the timeline. A note is kept as written: a correction is a
 * further note.
 */
export const MEETING_NOTE_KINDS = ['decision', 'agreed_action', 'note'] as const;
export type MeetingNoteKind = (typeof MEETING_NOTE_KINDS)[number];

/** Short: the meeting's outcome carries the narrative, a note one fact. */
export const MEETING_NOTE_MAX = 1000;

export const meetingNoteInputSchema = z.object({ kind: z.enum(MEETING_NOTE_KINDS), text: plainText(MEETING_NOTE_MAX) }).strict();

export interface MeetingNote {
  id: string;
  meetingId: string;
  caseId: string;
  kind: MeetingNoteKind;
  text: string;
  writtenBy: string;
  writtenByName: string;
  writtenAt: Instant;
}
