import { z } from 'zod';

/**
 * Finding things: the words a person searches for, as the database is asked for them.
 *
 * A search is a few words, each matched as the start of a word in the text (so "exclu" finds
 * "excluded" as it is typed), every word needed. Only letters and digits count: punctuation and
 * search syntax typed by a person are separators, never operators, so nothing typed can change the
 * shape of the database query. The databases stem English words, so "bullied" also finds
 * "bullying"; very common words ("the", "and") are not indexed by PostgreSQL and match nothing there.
 */
export const SEARCH_MAX_CHARS = 200;
export const SEARCH_MAX_WORDS = 8;
/** Longer than any English word; a longer run of letters is not a word anyone searches for. */
const WORD_MAX_CHARS = 40;

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a search, in the order typed, each once, lower case; empty when none. */
export function searchWordsOf(text: string): string[] {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return [...new Set(words)];
}

/** The `q` of a search: 1–200 characters holding 1–8 words of at most 40 letters or digits. */
export const searchTextSchema = z
  .string()
  .max(SEARCH_MAX_CHARS, `must be at most ${SEARCH_MAX_CHARS} characters`)
  .superRefine((text, ctx) => {
    const words = searchWordsOf(text);
    if (words.length === 0) ctx.addIssue({ code: 'custom', message: 'must hold at least one word (letters or digits)' });
    else if (words.length > SEARCH_MAX_WORDS) ctx.addIssue({ code: 'custom', message: `must hold at most ${SEARCH_MAX_WORDS} words` });
    else if (words.some((w) => w.length > WORD_MAX_CHARS))
      ctx.addIssue({ code: 'custom', message: `must not hold a word longer than ${WORD_MAX_CHARS} characters` });
  });

/** A stretch of a text, in UTF-16 code units as JavaScript counts them: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}
