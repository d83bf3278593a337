import { z } from 'zod';
import type { Instant } from './dates.js';
import { DomainError, ruleViolation } from './errors.js';
import { LIFE_STAGES, type LifeStage } from './lifeStage.js';
import type { Problem } from './problems.js';
import { AGENCIES, type Agency } from './staff.js';
import { plainText } from './text.js';

/**
 * A missing piece of the jigsaw turned into a question: during a meeting the chair asks one agency
 * about one stage of the child's life ("Health: anything from the early years?"). The agency's
 * member answers with entries for that stage — the first such entry answers it — or says that
 * their agency holds nothing, which is an answer too: the jigsaw then shows "asked: nothing held"
 * rather than a blank.
 */
export const QUESTION_STATUSES = ['open', 'answered', 'nothing_held'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface TimelineQuestion {
  id: string;
  caseId: string;
  lifeStage: LifeStage;
  agency: Agency;
  /** What the chair asked, in their words or the default ("Health: anything from the early years?"). */
  wording: string;
  status: QuestionStatus;
  askedBy: string;
  askedByName: string;
  askedAt: Instant;
  /** The agency's live entries for that stage when asked: a question may be asked of a cell that is not empty. */
  entriesWhenAsked: number;
  answeredBy: string | null;
  answeredByName: string | null;
  answeredAt: Instant | null;
  /** The entry whose adding answered the question, when an entry did. */
  answeredWithEntryId: string | null;
  /** What the answerer said ("nothing held: the records before 2015 were destroyed"). */
  answerNote: string | null;
  version: number;
}

export const askQuestionSchema = z
  .object({
    lifeStage: z.enum(LIFE_STAGES),
    agency: z.enum(AGENCIES),
    /** Omitted: the default wording, "<Agency>: anything from <the stage>?". */
    wording: plainText(300).optional(),
  })
  .strict();
export type AskQuestionInput = z.infer<typeof askQuestionSchema>;

/**
 * How an agency answers: `nothing_held` (they hold nothing for that stage), or `entries_added`
 * for a cell that holds their entries (the entries they had, or added before the question was asked).
 */
export const answerQuestionSchema = z
  .object({
    outcome: z.enum(['nothing_held', 'entries_added']),
    note: plainText(500).optional(),
  })
  .strict();
export type AnswerQuestionInput = z.infer<typeof answerQuestionSchema>;

export const questionListQuerySchema = z.object({ status: z.enum(['open', 'answered', 'all']).default('all') }).strict();

/**
 * Whom a question may be asked of, and about when: a stage the child has lived (later stages can
 * hold nothing yet) and an agency on the case team (someone there to answer). Refused at the field.
 */
export function checkQuestion(input: AskQuestionInput, livedStages: readonly LifeStage[], teamAgencies: ReadonlySet<Agency>): void {
  const problems: Problem[] = [];
  if (!livedStages.includes(input.lifeStage)) problems.push({ path: 'lifeStage', message: 'is a stage the child has not reached yet' });
  if (!teamAgencies.has(input.agency)) problems.push({ path: 'agency', message: 'is not an agency on the case team: invite someone from it first' });
  if (problems.length > 0) throw new DomainError('validation_failed', 'The question is not valid.', problems);
}

/** One open question per cell: asking again while it stands would only repeat it. */
export function assertNoOpenQuestion(open: TimelineQuestion | null): void {
  if (open) throw new DomainError('conflict', 'That agency has already been asked about that stage; the question is still open.', { questionId: open.id });
}

/** A question is answered once; the answer is part of the record. */
export function assertOpen(q: TimelineQuestion): void {
  if (q.status !== 'open') throw ruleViolation('This question has already been answered.', { status: q.status });
}

/** "Entries added" is true only when the cell holds the agency's entries for that stage. */
export function assertEntriesHeld(liveEntries: number): void {
  if (liveEntries === 0) throw ruleViolation('Your agency holds no entry for that stage yet: add one, or answer that nothing is held.');
}

/** The question answered: by an entry, by the agency saying what it holds, or that it holds nothing. */
export function answered(
  q: TimelineQuestion,
  by: { staffId: string; name: string },
  at: Instant,
  answer: { outcome: 'nothing_held' | 'entries_added'; note?: string | undefined; entryId?: string },
): TimelineQuestion {
  return {
    ...q,
    status: answer.outcome === 'nothing_held' ? 'nothing_held' : 'answered',
    answeredBy: by.staffId,
    answeredByName: by.name,
    answeredAt: at,
    answeredWithEntryId: answer.entryId ?? null,
    answerNote: answer.note ?? null,
    version: q.version + 1,
  };
}
