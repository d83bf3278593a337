import type { TextRange } from '../../../domain/search.js';

/**
 * The databases mark what they matched (SQLite's highlight(), PostgreSQL's ts_headline()) with two
 * control characters, which stored text never holds (src/domain/text.ts refuses controls).
 */
export const MARK_START = '\u0001';
export const MARK_END = '\u0002';

/**
 * The matched stretches of `text`, from the database's marked copy of it. If the marked copy is
 * not the text with marks added (a database that rewrote spacing, a text that held a mark), no
 * stretch is given rather than a wrong one: the entry still matched, it is just not highlighted.
 */
export function rangesOfMarks(marked: string, text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let plain = '';
  let start: number | null = null;
  for (const ch of marked) {
    if (ch === MARK_START) {
      if (start !== null) return [];
      start = plain.length;
    } else if (ch === MARK_END) {
      if (start === null) return [];
      if (plain.length > start) ranges.push({ start, end: plain.length });
      start = null;
    } else {
      plain += ch;
    }
  }
  if (start !== null || plain !== text) return [];
  // Adjacent stretches ("Year 8" matched as two words) stay apart: each is one word matched.
  return ranges;
}
