import { isOrdinaryWord, nameMatcher, namePartsOf } from '../domain/childName.js';
import { ageInYears, type IsoDate } from '../domain/dates.js';
import { LIFE_STAGE_LABELS } from '../domain/lifeStage.js';
import type { ServiceSettings } from '../domain/service.js';
import type { TimelineEntry } from '../domain/timeline.js';
import { WITHHELD_CATEGORY } from '../domain/restriction.js';

/** Marking for documents about a child in youth justice, on every page (and on the picture, which has no Word library behind it). */
export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** Words the documents share: dates as people write them, the time of an entry, and its category. */
const STYLES = {
  /** 20 November 2026 */
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  /** Friday 20 November 2026, for the young person's own version. */
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  /** November 2026 */
  month: { month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const FORMATS = Object.fromEntries(Object.entries(STYLES).map(([k, o]) => [k, new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' })])) as Record<
  keyof typeof STYLES,
  Intl.DateTimeFormat
>;

/**
 * A date (or the date of an instant) in words. The one place the documents put a date into words,
 * in UTC so that the day never shifts with the machine's time zone.
 */
export function dateInWords(date: IsoDate, style: keyof typeof STYLES = 'day'): string {
  const day = style === 'month' && date.length === 7 ? `${date}-01` : date.slice(0, 10);
  return FORMATS[style].format(new Date(`${day}T00:00:00Z`)).replace(',', '');
}

export const formatDate = (date: IsoDate): string => dateInWords(date, 'day');
export const formatDayDate = (date: IsoDate): string => dateInWords(date, 'weekday');

/**
 * When an entry happened, as precisely as it is known, with the child's age where it adds
 * something. The child's date of birth is never written: the day of birth is "Birth", the month of
 * birth "Around the birth".
 */
export function whenText(e: Pick<TimelineEntry, 'when' | 'span'>, dateOfBirth: IsoDate): string {
  const age = (d: IsoDate) => {
    const years = ageInYears(dateOfBirth, d);
    return years < 0 ? 'before birth' : years === 0 ? 'under 1' : `age ${years}`;
  };
  switch (e.when.precision) {
    case 'day':
      return e.when.date === dateOfBirth ? 'Birth' : `${formatDate(e.when.date)} (${age(e.when.date)})`;
    case 'month':
      return e.when.month === dateOfBirth.slice(0, 7) ? 'Around the birth' : `${dateInWords(e.when.month, 'month')} (${age(e.span.start)})`;
    case 'year':
      return `${e.when.year}`;
    case 'age':
      return e.when.age === 0 ? 'Under 1' : `Age ${e.when.age}`;
    case 'lifeStage':
      return LIFE_STAGE_LABELS[e.when.lifeStage];
  }
}

export const categoryLabel = (settings: ServiceSettings, key: string): string =>
  settings.categories.find((c) => c.key === key)?.label ?? (key === WITHHELD_CATEGORY ? 'Restricted' : key);

export const categoryTone = (settings: ServiceSettings, key: string) => settings.categories.find((c) => c.key === key)?.tone ?? 'context';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The date of birth as people write it: 2010-08-28, 28/08/2010, 28.8.10, 28 August 2010,
 * 28th Aug 2010, August 28, 2010, 20100828…, as one pattern.
 */
export function dateOfBirthPattern(dateOfBirth: IsoDate): RegExp {
  const [y, m, d] = dateOfBirth.split('-') as [string, string, string];
  const month = MONTHS[Number(m) - 1] as string;
  const dd = `0?${Number(d)}`;
  const mm = `0?${Number(m)}`;
  const yy = `(?:${y}|${y.slice(2)})`;
  const name = `(?:${month}|${month.slice(0, 3)}\\.?${month === 'September' ? '|Sept\\.?' : ''})`;
  const th = `${dd}(?:st|nd|rd|th)?`;
  const sep = '[\\s/.-]';
  const forms = [
    `${y}${sep}${mm}${sep}${dd}`,
    `${dd}${sep}${mm}${sep}${yy}`,
    `${mm}${sep}${dd}${sep}${yy}`,
    `${y}${m}${d}`,
    `${th}(?:\\s+of)?[\\s-]+${name},?[\\s-]+${yy}`,
    `${name}\\s+${th},?\\s+${yy}`,
  ];
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * Published documents leave the database and the tab, so the child's name and date of birth do not
 * go with them (DESIGN.md §2). Free text that names the child anyway is made safe in words that
 * still read: the full name and the given names become "the young person", "the Halloran family"
 * becomes "the family", the family name elsewhere "[family name]", and the date of birth "[date of
 * birth]". The tab warns the writer first (domain/plainWords.ts), so this is the last line of defence.
 */
interface NamePatterns {
  dateOfBirth: RegExp | null;
  person: RegExp | null;
  familyOf: RegExp | null;
  families: RegExp | null;
  family: RegExp | null;
}

// A report runs every entry through here: the patterns are made once per child, not once per text.
const patternCache = new Map<string, NamePatterns>();
function patternsFor(childName: string, dateOfBirth: IsoDate | undefined): NamePatterns {
  const key = `${childName}\u0000${dateOfBirth ?? ''}`;
  const cached = patternCache.get(key);
  if (cached) return cached;
  const { person, family } = namePartsOf(childName);
  const f = family?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const made: NamePatterns = {
    dateOfBirth: dateOfBirth ? dateOfBirthPattern(dateOfBirth) : null,
    person: person.length ? nameMatcher(person) : null,
    // "the Halloran family" is "the family"; "the Hallorans" too.
    familyOf: f ? new RegExp(`(?<![\\p{L}\\p{N}])${f}\\s+(?=famil(?:y|ies)(?![\\p{L}]))`, 'giu') : null,
    families: f ? new RegExp(`(?<![\\p{L}\\p{N}])${f}s(?![\\p{L}\\p{N}])`, 'giu') : null,
    family: family ? nameMatcher([family]) : null,
  };
  if (patternCache.size > 100) patternCache.clear();
  patternCache.set(key, made);
  return made;
}

export function withoutChildName(text: string, childName: string, dateOfBirth?: IsoDate): string {
  const p = patternsFor(childName, dateOfBirth);
  let out = p.dateOfBirth ? text.replace(p.dateOfBirth, '[date of birth]') : text;
  if (!p.person) return out;
  out = out.replace(p.person, (match: string, offset: number, whole: string) => {
    if (isOrdinaryWord(match)) return match;
    const startsSentence = /(^|[.!?]\s+|\n\s*)$/.test(whole.slice(0, offset));
    return `${startsSentence ? 'The' : 'the'} young person${/['’]s$/.test(match) ? "'s" : ''}`;
  });
  if (!p.family || !p.familyOf || !p.families) return out;
  out = out.replace(p.familyOf, (m: string) => (isOrdinaryWord(m.trim()) ? m : ''));
  out = out.replace(p.families, (m: string) => (isOrdinaryWord(m) ? m : 'family'));
  return out.replace(p.family, (match: string) => (isOrdinaryWord(match) ? match : `[family name]${/['’]s$/.test(match) ? "'s" : ''}`));
}

/**
 * The young person's version speaks to them. Its text is written that way (the tab warns about a
 * name); a name left in anyway becomes "you", with the verbs that follow it agreeing.
 */
export function addressedToYou(text: string, childName: string, dateOfBirth?: IsoDate): string {
  const safe = withoutChildName(text, childName, dateOfBirth);
  const verbs: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do', "isn't": "aren't", "wasn't": "weren't", "doesn't": "don't" };
  return safe
    .replace(/\b(t|T)he young person['’]s\b/g, (_, t: string) => (t === 'T' ? 'Your' : 'your'))
    .replace(/\b(t|T)he young person (is|was|has|does|isn't|wasn't|doesn't)\b/g, (_, t: string, v: string) => `${t === 'T' ? 'You' : 'you'} ${verbs[v]}`)
    .replace(/\bthe young person\b/g, 'you')
    .replace(/\bThe young person\b/g, 'You')
    .replace(/\bthe family\b/g, 'your family')
    .replace(/\bThe family\b/g, 'Your family');
}
