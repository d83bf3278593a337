import type { ReactNode } from 'react';
import type { TextRange } from '../api/types.js';

/**
 * A text with the stretches a search matched drawn as <mark>, which screen readers and the
 * high-contrast themes (Mark/MarkText system colours) show as highlighted. Ranges out of order or
 * out of the text are ignored rather than drawn wrongly.
 */
export function Marked({ text, ranges }: { text: string; ranges?: readonly TextRange[] | undefined }) {
  if (!ranges?.length) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end > text.length || r.end <= r.start) continue;
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={r.start}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The words of a search as the server reads them (src/domain/search.ts): letters and digits, lower case. */
export const wordsOf = (text: string): string[] => [
  ...new Set(
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  ),
];

/** Where the words appear anywhere in a text, for a match the server made by "contains" (a name, a reference). */
export function rangesOfWords(text: string, words: readonly string[]): TextRange[] {
  const lower = text.toLowerCase();
  const ranges: TextRange[] = [];
  for (const w of words) {
    for (let i = lower.indexOf(w); i >= 0 && w.length > 0; i = lower.indexOf(w, i + w.length)) ranges.push({ start: i, end: i + w.length });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping words ("ash" in "Ashworth" and "ashworth") become one stretch.
  const merged: TextRange[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
