import { ageInYears, type IsoDate } from '../domain/dates.js';
import { LIFE_STAGE_LABELS } from '../domain/lifeStage.js';
import type { ServiceSettings } from '../domain/service.js';
import type { TimelineEntry } from '../domain/timeline.js';

/** Words the documents share: dates as people write them, the time of an entry, and its category. */
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

/** 20 November 2026 */
export const formatDate = (date: IsoDate): string => longDate.format(utc(date.slice(0, 10)));

/** Friday 20 November 2026, for the young person's own version. */
export const formatDayDate = (date: IsoDate): string => dayDate.format(utc(date.slice(0, 10)));

/** When an entry happened, as precisely as it is known, with the child's age where it adds something. */
export function whenText(e: Pick<TimelineEntry, 'when' | 'span'>, dateOfBirth: IsoDate): string {
  const age = (d: IsoDate) => {
    const years = ageInYears(dateOfBirth, d);
    return years < 0 ? 'before birth' : `age ${years}`;
  };
  switch (e.when.precision) {
    case 'day':
      return `${formatDate(e.when.date)} (${age(e.when.date)})`;
    case 'month':
      return `${monthYear.format(utc(`${e.when.month}-01`))} (${age(e.span.start)})`;
    case 'year':
      return `${e.when.year}`;
    case 'age':
      return `Age ${e.when.age}`;
    case 'lifeStage':
      return LIFE_STAGE_LABELS[e.when.lifeStage];
  }
}

export const categoryLabel = (settings: ServiceSettings, key: string): string => settings.categories.find((c) => c.key === key)?.label ?? key;

export const categoryTone = (settings: ServiceSettings, key: string) => settings.categories.find((c) => c.key === key)?.tone ?? 'context';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Published documents leave the database and the tab, so the child's name does not go with them
 * (DESIGN.md §2). Free text sometimes names the child anyway: the full name and the given names, as
 * written, become "the young person"; the family name alone, which usually means a relative,
 * becomes "[family name]". Case does not protect a name: "JORDAN" and "jordan test" are replaced too.
 * One name on its own in lower case is the exception: many names are ordinary words ("will",
 * "hope", "young", "green"), and replacing those would garble every sentence they appear in.
 */
export function withoutChildName(text: string, childName: string): string {
  const parts = childName
    .trim()
    .split(/\s+/)
    .filter((p) => p.length >= 2);
  if (parts.length === 0) return text;
  const family = parts.length > 1 ? (parts.at(-1) as string) : null;
  const person = [...new Set([childName.trim(), ...parts.filter((p) => p !== family)])].sort((a, b) => b.length - a.length);
  const word = (names: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu');
  const ordinaryWord = (match: string) => match === match.toLowerCase() && !/\s/.test(match);
  let out = text.replace(word(person), (match: string, offset: number, whole: string) => {
    if (ordinaryWord(match)) return match;
    const startsSentence = /(^|[.!?]\s+|\n\s*)$/.test(whole.slice(0, offset));
    return `${startsSentence ? 'The' : 'the'} young person${/['’]s$/.test(match) ? "'s" : ''}`;
  });
  if (family) out = out.replace(word([family]), (match: string) => (ordinaryWord(match) ? match : `[family name]${/['’]s$/.test(match) ? "'s" : ''}`));
  return out;
}
