import { z } from 'zod';

/**
 * The one rule for text typed by people, used by every text field at every edge (API bodies, card
 * actions). Text is shown in a Teams tab, in Adaptive Cards and in Word documents, so what is
 * stored must read the same everywhere and be exactly what was acknowledged:
 * - NFC, so "é" typed two ways is one text (and one length);
 * - line breaks as "\n", the only controls kept are newline and tab;
 * - no bidirectional overrides or isolates, which make displayed text read otherwise than stored;
 * - no lone UTF-16 surrogates, which a database would store as another text than the one answered;
 * - not empty once invisible characters are taken away;
 * - no markup, refused here rather than escaped in three places later;
 * - over the limit is refused, never cut.
 */
const MARKUP = /<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;|javascript:/i;
// C0 and C1 controls other than tab and newline (carriage returns become newlines first).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;
/** Characters that draw nothing: spaces, format characters (zero-width, soft hyphen, BOM…) and fillers. */
const INVISIBLE = /[\s\p{Cf}\u034F\u115F\u1160\u180E\u2800\u3164\uFFA0]/gu;

const count = (n: number) => n.toLocaleString('en-GB');

/** The problems with a text, in words that follow the field's label ("must not be empty"). */
export function textProblems(text: string, max: number, min = 1): string[] {
  const problems: string[] = [];
  if (LONE_SURROGATE.test(text)) problems.push('contains a broken character (half of an emoji or symbol); type or paste it again');
  if (BIDI.test(text)) problems.push('contains hidden characters that change the direction of the text; type it again without them');
  if (CONTROL.test(text)) problems.push('contains control characters; only line breaks and tabs are allowed');
  if (MARKUP.test(text)) problems.push('must be plain text: markup such as <tags> is not allowed');
  if (problems.length > 0) return problems;
  if (min === 1 && text.replace(INVISIBLE, '') === '') problems.push('must not be empty');
  else if (min > 1 && text.length < min) problems.push(`must be at least ${count(min)} characters`);
  if (text.length > max) problems.push(`must be at most ${count(max)} characters; this has ${count(text.length)}. Shorten it: nothing was cut`);
  return problems;
}

/**
 * The text as it is stored: trimmed, NFC, one kind of line break, and nothing at all when nothing
 * would show. Lone surrogates are left in for the check to refuse.
 */
export function normaliseText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').trim();
  if (lines.replace(INVISIBLE, '') === '') return '';
  return LONE_SURROGATE.test(lines) ? lines : lines.normalize('NFC');
}

/** Free text of at most `max` characters; `min` 0 allows it to be empty. */
export const plainText = (max: number, min = 1) =>
  z
    .string()
    .transform(normaliseText)
    .superRefine((s, ctx) => {
      for (const message of textProblems(s, max, min)) ctx.addIssue({ code: 'custom', message, input: s });
    });
