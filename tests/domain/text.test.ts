import { describe, expect, it } from 'vitest';
import { plainText, textProblems } from '../../src/domain/text.js';

/** One rule for every text a person types: what is acknowledged is what is stored and shown. */
describe('the text rule', () => {
  const description = plainText(2000);
  const optionalNote = plainText(1000, 0);
  const problemsOf = (text: string) => {
    const result = description.safeParse(text);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('keeps ordinary text, with its line breaks and tabs, trimmed', () => {
    expect(description.parse('  Moved school.\n\tThen moved again.  ')).toBe('Moved school.\n\tThen moved again.');
  });

  it('stores one form of an accented letter, whichever way it was typed (NFC)', () => {
    const decomposed = 'Cafe\u0301 visit';
    expect(description.parse(decomposed)).toBe('Café visit');
    expect(description.parse(decomposed)).toBe(description.parse('Caf\u00e9 visit'));
  });

  it('stores Windows line breaks as plain newlines', () => {
    expect(description.parse('first\r\nsecond\rthird')).toBe('first\nsecond\nthird');
  });

  it.each([
    ['left-to-right override', 'Seen by \u202Dpolice'],
    ['right-to-left override', 'Seen by \u202Eecilop'],
    ['left-to-right embedding', 'a\u202Ab'],
    ['pop directional formatting', 'a\u202Cb'],
    ['first strong isolate', 'a\u2068b\u2069'],
    ['right-to-left isolate', 'a\u2067b'],
  ])('refuses a %s, which would make the text read otherwise than stored', (_, text) => {
    expect(problemsOf(text)).toEqual([expect.stringMatching(/direction of the text/)]);
  });

  it('refuses a lone half of a surrogate pair, which would be stored as another text', () => {
    expect(problemsOf('broken \ud83d here')).toEqual([expect.stringMatching(/broken character/)]);
    expect(problemsOf('broken \ude00')).toEqual([expect.stringMatching(/broken character/)]);
    expect(description.parse('whole \ud83d\ude00 emoji')).toBe('whole 😀 emoji');
  });

  it.each([
    ['a null', 'a\u0000b'],
    ['a bell', 'a\u0007b'],
    ['an escape', 'a\u001bb'],
    ['a delete', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s, the only controls allowed being newline and tab', (_, text) => {
    expect(problemsOf(text)).toEqual([expect.stringMatching(/control characters/)]);
  });

  it.each([
    ['zero-width spaces and word joiners', '\u200b\u2060'],
    ['a byte-order mark', '\ufeff'],
    ['soft hyphens', '\u00ad\u00ad'],
    ['spaces and line breaks', ' \n\t '],
    ['a Hangul filler', '\u3164'],
  ])('finds text of only %s empty', (_, text) => {
    expect(problemsOf(text)).toEqual(['must not be empty']);
  });

  it('stores an optional text of only invisible characters as nothing', () => {
    expect(optionalNote.parse('\u200b\u2060 ')).toBe('');
  });

  it('refuses text over the limit and says how long it is, instead of cutting it', () => {
    expect(problemsOf('x'.repeat(5000))).toEqual(['must be at most 2,000 characters; this has 5,000. Shorten it: nothing was cut']);
    expect(description.parse('x'.repeat(2000))).toHaveLength(2000);
  });

  it('lists every problem with one text at once', () => {
    expect(textProblems('a\u202Eb\u0007<b>', 100)).toHaveLength(3);
  });

  it('still refuses markup', () => {
    expect(problemsOf('Seen at <img src=x onerror=alert(1)>')).toEqual([expect.stringMatching(/plain text/)]);
  });
});
