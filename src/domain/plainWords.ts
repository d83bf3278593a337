import { namesOfChildIn } from './childName.js';

/**
 * The young person's version is written in plain words, for a reader who may have speech, language
 * and communication needs. `plainWordsWarnings` finds what it should not say: clinical terms,
 * idioms (which a literal reader takes at their word), the services' own words, and the young
 * person's name (the version speaks to them as "you"). The tab shows the warnings in the editor
 * while the psychologist writes; nothing is rewritten behind their back. Pure code and words only,
 * so the tab runs the same check.
 */
export const CLINICAL_JARGON = [
  'formulation',
  'hypothesis',
  'hypotheses',
  'trauma',
  'traumatic',
  'TRM',
  'Trauma Recovery Model',
  'predisposing',
  'precipitating',
  'perpetuating',
  'protective factor',
  'protective factors',
  'presenting problem',
  'attachment',
  'dysregulation',
  'dysregulated',
  'co-regulation',
  'containment',
  'cognitive',
  'developmental',
  'neurodevelopmental',
  'intervention',
  'interventions',
  'psychological',
  'psychologist',
  'clinical',
  'diagnosis',
  'aetiology',
  'comorbid',
  'adverse childhood experiences',
  'ACEs',
  'risk factors',
  'safeguarding',
  'Gillick',
  'consequential thinking',
  'maladaptive',
  'hypervigilance',
  'hypervigilant',
  'externalising',
  'internalising',
  'sequenced',
  'recommendation',
  'recommendations',
] as const;

/** Sayings that mean something other than their words, each with a plain way to say it. */
export const IDIOMS: Record<string, string> = {
  'in your corner': 'on your side',
  'keep your guard up': 'be careful who you trust',
  'guard up': 'careful who you trust',
  'on edge': 'worried',
  'let you down': 'did not do what they said',
  'let down': 'not helped when it mattered',
  'shown up': 'made to look silly',
  'fall away': 'stop',
  'go empty': 'have nothing to do',
  'on track': 'going well',
  'back on track': 'going well again',
  'turn things around': 'make things better',
  'fresh start': 'new start',
  'step up': 'do more',
  'bottle up': 'keep your feelings inside',
  'bottled up': 'kept inside',
  'kick off': 'get angry',
  'kicks off': 'gets angry',
  'blow up': 'get very angry',
  'fly off the handle': 'get angry fast',
  'out of the blue': 'suddenly',
  'at the end of the day': 'in the end',
  'the bigger picture': 'everything together',
  'on the same page': 'agreeing',
  'in the loop': 'told what is happening',
  'touch base': 'check in',
  'take it on board': 'think about it',
  'get a grip': 'calm down',
  'head start': 'early start',
  'green light': 'a yes',
  'red flag': 'a worry',
  'walk on eggshells': 'be very careful',
  'a lot on your plate': 'a lot to cope with',
  'under your belt': 'done',
};

/** The services' own words and letters, each with what to write instead (by name where a person is meant). */
export const SERVICE_WORDS: Record<string, string> = {
  YJS: 'your youth justice worker, by name',
  'YJS worker': 'your worker, by name',
  YOT: 'your youth justice worker, by name',
  'Youth Justice Service': 'the youth justice team, or your worker by name',
  'youth offending team': 'the youth justice team, or your worker by name',
  'Personal Adviser': 'the person who helps you plan for being an adult, by name',
  'Personal Advisor': 'the person who helps you plan for being an adult, by name',
  probation: 'the team who will help you after you turn 18, or their name',
  ECM: 'the team around you',
  'ECM team': 'the team around you',
  CAMHS: 'a health worker who helps with feelings, by name',
  'case holder': 'your worker, by name',
  'key worker': 'your worker, by name',
  'social care': 'your social worker, by name',
  'Child in Need': 'extra help for your family',
  'care order': 'the court’s decision about where you live',
  'looked-after child': 'a young person living in care',
  'looked after child': 'a young person living in care',
  'alternative provision': 'your school, by its name',
  PRU: 'your school, by its name',
  EHCP: 'your plan for help at school',
  'multi-agency': 'people from different places',
  referral: 'asking for help',
  'Youth Rehabilitation Order': 'the order from the court',
  YRO: 'the order from the court',
  'out of court disposal': 'the way your case was dealt with outside court',
  'Out of Court Disposal': 'the way your case was dealt with outside court',
  'speech and language therapist': 'someone who helps with talking and words, by name',
  SALT: 'someone who helps with talking and words, by name',
};

export type PlainWordsKind = 'clinical' | 'idiom' | 'service' | 'name';

export interface PlainWordsWarning {
  kind: PlainWordsKind;
  /** The words as found in the text. */
  found: string;
  /** What to write instead. */
  instead: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longer terms first, so "ECM team" is found before "ECM"; whole words only. Letters-only
// abbreviations (TRM, YJS) match in capitals only, so "pru" or "ace" in a word never match.
const isAbbreviation = (t: string) => /^[A-Z]{2,5}s?$/.test(t);
function finder(terms: string[]): (text: string) => string[] {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const words = sorted.filter((t) => !isAbbreviation(t));
  const letters = sorted.filter(isAbbreviation);
  const anyCase = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const capitals = letters.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${letters.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  return (text) => {
    const found: { at: number; end: number; term: string }[] = [];
    const normal = text.replace(/[’‘]/g, "'");
    for (const m of normal.matchAll(anyCase))
      found.push({ at: m.index, end: m.index + m[0].length, term: sorted.find((t) => t.toLowerCase() === m[0].toLowerCase()) ?? m[0] });
    if (capitals) for (const m of normal.matchAll(capitals)) found.push({ at: m.index, end: m.index + m[0].length, term: m[0] });
    // "YJS" inside "YJS worker" is one finding, the longer.
    const kept: typeof found = [];
    for (const f of found.sort((a, b) => a.at - b.at || b.end - a.end)) if (!kept.some((k) => f.at < k.end && k.at < f.end)) kept.push(f);
    return [...new Set(kept.map((f) => f.term))];
  };
}

const clinical = finder([...CLINICAL_JARGON]);
const idioms = finder(Object.keys(IDIOMS));
const services = finder(Object.keys(SERVICE_WORDS));

/** The clinical jargon found in a text, each term once, as the list spells it. */
export const jargonIn = (text: string): string[] => clinical(text);

/** Everything in a youth-friendly text that the young person may not understand, or should not see. */
export function plainWordsWarnings(text: string, childName?: string): PlainWordsWarning[] {
  const out: PlainWordsWarning[] = [];
  if (childName) {
    for (const found of namesOfChildIn(text, childName)) {
      out.push({ kind: 'name', found, instead: 'you or your: the young person’s version speaks to them, and no name leaves the tab' });
    }
  }
  for (const found of clinical(text)) out.push({ kind: 'clinical', found, instead: 'everyday words' });
  for (const found of idioms(text)) out.push({ kind: 'idiom', found, instead: IDIOMS[found] ?? 'plain words' });
  for (const found of services(text)) out.push({ kind: 'service', found, instead: SERVICE_WORDS[found] ?? 'plain words' });
  return out;
}

/** Where the young person is on the Trauma Recovery Model, said plainly, by level. */
export const PLAIN_TRM: Record<number, string> = {
  1: 'Feeling safe, with a steady routine and the things you need.',
  2: 'Building trust with someone who is there for you.',
  3: 'Getting help with hard things that have happened to you.',
  4: 'Understanding your feelings and finding ways to handle them.',
  5: 'Believing in yourself and working towards your goals.',
  6: 'Doing more on your own, with people still there if you need them.',
};

export const plainTrm = (level: number): string => PLAIN_TRM[Math.floor(level)] ?? 'We will talk about this with you.';
