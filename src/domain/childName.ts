/**
 * Finding the child's name in free text. A name stays in the database and the tab (DESIGN.md §2):
 * the tab warns a writer who types it where it would be published, and the documents keep it out.
 * Pure code, so the tab runs the same check.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface NameParts {
  /** The full name and the given names, longest first. */
  person: string[];
  /** The family name (the last part), when the name has more than one part. */
  family: string | null;
}

export function namePartsOf(childName: string): NameParts {
  const parts = childName
    .trim()
    .split(/\s+/)
    .filter((p) => p.length >= 2);
  if (parts.length === 0) return { person: [], family: null };
  const family = parts.length > 1 ? (parts.at(-1) as string) : null;
  const person = [...new Set([childName.trim().replace(/\s+/g, ' '), ...parts.filter((p) => p !== family)])].sort((a, b) => b.length - a.length);
  return { person, family };
}

/** Whole words, in any case, with an optional possessive ("Reece's", "Reece’s"). */
export const nameMatcher = (names: string[]): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Case does not protect a name ("JORDAN" is a name), but one name on its own in lower case is an
 * ordinary word: many names are ("will", "hope", "young", "green").
 */
export const isOrdinaryWord = (match: string): boolean => match === match.toLowerCase() && !/\s/.test(match);

/** Each way the text names the child (full name, given name, family name), once, as written. */
export function namesOfChildIn(text: string, childName: string): string[] {
  const { person, family } = namePartsOf(childName);
  const names = family ? [...person, family] : person;
  if (names.length === 0) return [];
  return [...new Set([...text.matchAll(nameMatcher(names))].map((m) => m[0]).filter((m) => !isOrdinaryWord(m)))];
}
