/**
 * The young person's version is written in plain words. These are the professional terms it must
 * not use; `jargonIn` finds them in any text, so the tab can warn a psychologist while writing and
 * the tests can hold the document's own wording to the same standard.
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

const pattern = new RegExp(`(?<![\\p{L}])(?:${[...CLINICAL_JARGON].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'giu');

/** The jargon found in a text, each term once, as the list spells it. */
export function jargonIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) {
    const term = CLINICAL_JARGON.find((t) => t.toLowerCase() === m[0].toLowerCase());
    if (term) found.add(term);
  }
  return [...found];
}

/** Where the young person is on the Trauma Recovery Model, said plainly, by level. */
export const PLAIN_TRM: Record<number, string> = {
  1: 'Feeling safe, with a steady routine and your basic needs met.',
  2: 'Building trust with someone who is there for you.',
  3: 'Getting support with hard things that have happened to you.',
  4: 'Understanding your feelings and finding ways to handle them.',
  5: 'Believing in yourself and working towards your goals.',
  6: 'Doing more on your own, with people still there if you need them.',
};

export const plainTrm = (level: number): string => PLAIN_TRM[Math.floor(level)] ?? 'We will talk about this with you.';
