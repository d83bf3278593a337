/**
 * Flesch reading ease (206.835 − 1.015 × words per sentence − 84.6 × syllables per word), with
 * syllables counted the usual way by vowel groups: 90–100 reads easily at 11, 80–90 is easy.
 */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, (trimmed.match(/[aeiouy]{1,2}/g) ?? []).length);
}

export function readingEase(text: string): number {
  const sentences = text.split(/[.!?:]+(?:\s|$)|\n+/).filter((s) => /[a-z]/i.test(s));
  const words = text.match(/[A-Za-z’']+/g) ?? [];
  const count = words.reduce((n, w) => n + syllables(w), 0);
  return 206.835 - 1.015 * (words.length / Math.max(sentences.length, 1)) - 84.6 * (count / Math.max(words.length, 1));
}
