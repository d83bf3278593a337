import { z } from 'zod';
import type { Instant } from './dates.js';
import type { LifeStage } from './lifeStage.js';
import type { Agency } from './staff.js';
import { plainText } from './text.js';

/**
 * The child's copy of their record (docs/record-export.md): a young person, their parent or their
 * solicitor asks for everything held about them; a manager (or an administrator of the service)
 * starts an export, which is built in the background as one zip and kept for its starter alone, for
 * seven days.
 */
export const RECORD_EXPORT_DAYS = 7;

/** Who asked for the record: said in the zip's README and the audit trail (no names). */
export const RECORD_REQUESTERS = ['young_person', 'parent_carer', 'solicitor', 'other'] as const;
export type RecordRequester = (typeof RECORD_REQUESTERS)[number];

export const recordExportRequestSchema = z
  .object({
    requestedFor: z.enum(RECORD_REQUESTERS),
    /** The starter's own note (e.g. the date of the letter asking): kept in the zip's README, never in the audit trail. */
    note: plainText(500).optional(),
  })
  .strict();
export type RecordExportRequest = z.infer<typeof recordExportRequestSchema>;

/** queued → building → ready (→ expired after seven days); failed when the build gave up. */
export const RECORD_EXPORT_STATES = ['queued', 'building', 'ready', 'failed', 'expired'] as const;
export type RecordExportState = (typeof RECORD_EXPORT_STATES)[number];

/** When an export started at `requestedAt` stops being downloadable. */
export const expiryOf = (requestedAt: Instant): Instant => new Date(Date.parse(requestedAt) + RECORD_EXPORT_DAYS * 86_400_000).toISOString();

export const hasExpired = (expiresAt: Instant, now: Instant): boolean => Date.parse(now) >= Date.parse(expiresAt);

/** An entry listed for review before release, and why. */
export interface EntryForReview {
  entryId: string;
  lifeStage: LifeStage;
  sourceAgency: Agency;
  /** Each reason names what was found: `a relation: "mother"`, `a name: "Kelly"`, `a member of staff: "Grace Adeyemi"`. */
  reasons: string[];
}

/** Words for the people around a child: an entry using one is likely to be about someone else too. */
const RELATIONS = [
  'mother',
  'mum',
  'mom',
  'mummy',
  'father',
  'dad',
  'daddy',
  'stepfather',
  'stepmother',
  'stepdad',
  'stepmum',
  'step-dad',
  'step-mum',
  'parent',
  'parents',
  'brother',
  'brothers',
  'sister',
  'sisters',
  'sibling',
  'siblings',
  'half-brother',
  'half-sister',
  'twin',
  'grandmother',
  'grandfather',
  'grandma',
  'grandad',
  'grandpa',
  'gran',
  'nan',
  'nana',
  'grandparent',
  'grandparents',
  'aunt',
  'auntie',
  'uncle',
  'cousin',
  'cousins',
  'niece',
  'nephew',
  'son',
  'daughter',
  'baby',
  'boyfriend',
  'girlfriend',
  'partner',
  'ex-partner',
  'friend',
  'friends',
  'neighbour',
  'neighbours',
  'teacher',
  'headteacher',
  'classmate',
  'peer',
  'peers',
  'carer',
  'carers',
  'foster',
  'victim',
  'co-defendant',
];
const RELATION_WORDS = new Set(RELATIONS);
const RELATION = new RegExp(`(?<![\\p{L}-])(${RELATIONS.join('|')})(?![\\p{L}-])`, 'giu');

/** Capitalised words that are not names of people: calendar words, titles, and common institutions. */
const NOT_NAMES = new Set(
  [
    'January February March April May June July August September October November December',
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
    'I Mr Mrs Ms Miss Dr Mx',
    'School Primary Secondary Academy College University Nursery Hospital Police Court Council Service Services Team Youth Justice',
    "Social Care Health Education Children Children’s Children's Services Family Families Home Centre Unit Ward Prison",
    'ECM YJS TRM CAMHS NHS GP A&E',
  ]
    .join(' ')
    .split(' '),
);
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Mx']);
const CAPITALISED = /\p{Lu}[\p{Ll}'’-]+/gu;

const words = (text: string) => text.split(/[^\p{L}'’-]+/u).filter((w) => w.length > 1);

export interface ReviewContext {
  /** The child's names (first, middle, last): their own record may name them. */
  childName: string;
  /** Staff names from the directory: naming a member of staff is naming someone else too. */
  staffNames: string[];
  /** Words that name places and bodies rather than people (the service's name, say). */
  placeWords?: string[];
}

/**
 * Whether an entry's text names someone other than the child, by three signs (docs/record-export.md):
 * 1. a word for a relation or a person around the child (mother, brother, teacher, friend…);
 * 2. a capitalised word that does not start a sentence and is not the child's name, a calendar word,
 *    a title or a common institution (a first name or a surname, most likely), or any word after a
 *    title (Mr, Mrs, Dr…);
 * 3. a member of staff's name from the directory, wherever it stands.
 * It errs on listing: a false alarm costs a reviewer a glance, a miss costs a third party's privacy.
 */
export function reasonsForReview(text: string, context: ReviewContext): string[] {
  const reasons: string[] = [];
  const add = (r: string) => {
    if (!reasons.includes(r)) reasons.push(r);
  };
  for (const m of text.matchAll(RELATION)) add(`a relation: "${m[1]!.toLowerCase()}"`);

  const own = new Set(words(context.childName).map((w) => w.toLowerCase()));
  const places = new Set((context.placeWords ?? []).flatMap(words));
  const staffFound = new Set<string>();
  const lower = text.toLowerCase();
  for (const name of context.staffNames) {
    const parts = words(name).filter((w) => !own.has(w.toLowerCase()));
    if (parts.length === 0) continue;
    if (new RegExp(`(?<!\\p{L})${escape(name)}(?!\\p{L})`, 'iu').test(lower)) {
      add(`a member of staff: "${name}"`);
      for (const p of parts) staffFound.add(p);
    }
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const word = m[0].replace(/['’]s$/u, '').replace(/['’-]+$/u, '');
    const at = m.index;
    if (own.has(word.toLowerCase()) || staffFound.has(word) || places.has(word) || RELATION_WORDS.has(word.toLowerCase())) continue;
    const before = text.slice(0, at).trimEnd();
    const previous = before.split(/\s+/).at(-1) ?? '';
    const afterTitle = TITLES.has(previous.replace(/\.$/, ''));
    if (afterTitle) {
      add(`a name: "${word}"`);
      continue;
    }
    if (NOT_NAMES.has(word)) continue;
    const startsSentence = before === '' || /[.!?:;"“(\n]$/u.test(before);
    if (!startsSentence) add(`a name: "${word}"`);
  }
  return reasons;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The name a document takes inside the zip: its library name when that names only the case (the
 * system names documents by case reference), otherwise a name made from the reference, so no file
 * name inside the zip carries the child's name.
 */
export function documentNameInExport(libraryName: string, reference: string, childName: string, n: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  const safe = libraryName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  const namesChild = words(childName).some((w) => w.length > 1 && new RegExp(`(?<!\\p{L})${escape(w)}(?!\\p{L})`, 'iu').test(safe));
  if (!namesChild && safe.length > 0 && safe !== '.' && safe !== '..') return safe;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0] ?? '';
  return `${reference}_document-${n}${extension}`;
}
