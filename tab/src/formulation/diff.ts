import type { FormulationContent } from '../api/types.js';

/** A readable diff: words kept, removed and added, section by section. Pure, for tests. */
export type Piece = { kind: 'same' | 'added' | 'removed'; text: string };

const tokenise = (s: string): string[] => s.match(/\s+|[^\s]+/g) ?? [];

/** Word diff by longest common subsequence; very long texts fall back to a line diff to stay quick. */
export function diffWords(before: string, after: string): Piece[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  let a = tokenise(before);
  let b = tokenise(after);
  if (a.length * b.length > 4_000_000) {
    a = before.split(/(?<=\n)/);
    b = after.split(/(?<=\n)/);
  }
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: Piece[] = [];
  const push = (kind: Piece['kind'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return out;
}

const LEVEL = (n: number) => `TRM ${n}`;

/** The formulation as titled plain-text sections, so two versions can be compared section by section. */
export function sectionsOf(c: FormulationContent, describeEvidence: (ids: string[]) => string): { title: string; text: string }[] {
  return [
    { title: 'Summary of the young person’s life', text: c.summary },
    {
      title: 'Hypotheses',
      text: c.hypotheses.map((h) => `• (${h.domain}) ${h.text} — evidence: ${describeEvidence(h.evidence)}`).join('\n'),
    },
    ...(['presenting', 'predisposing', 'precipitating', 'perpetuating', 'protective'] as const).map((p) => ({
      title: `${p[0]!.toUpperCase()}${p.slice(1)} factors`,
      text: c.fivePs[p],
    })),
    { title: 'Strengths and protective factors', text: c.strengths },
    { title: 'Cognitive and developmental needs', text: c.needs },
    {
      title: 'Recommendations',
      text: [...c.recommendations]
        .sort((x, y) => x.trmLevel - y.trmLevel || x.sequence - y.sequence)
        .map((r) => `${LEVEL(r.trmLevel)} · ${r.sequence}. ${r.text}${r.relationshipBased ? ' (relationship-based)' : ''}`)
        .join('\n'),
    },
    // Versions saved before the views had their own field hold none.
    { title: 'The young person’s and family’s views', text: c.views ?? '' },
    { title: 'Youth-friendly: summary', text: c.youthFriendly.summary },
    { title: 'Youth-friendly: hypotheses', text: c.youthFriendly.hypotheses },
    { title: 'Youth-friendly: strengths', text: c.youthFriendly.strengths },
    { title: 'Youth-friendly: needs', text: c.youthFriendly.needs },
    { title: 'Youth-friendly: recommendations', text: c.youthFriendly.recommendations },
  ];
}

export function diffFormulations(
  before: FormulationContent,
  after: FormulationContent,
  describeEvidence: (ids: string[]) => string,
): { title: string; pieces: Piece[]; changed: boolean }[] {
  const a = sectionsOf(before, describeEvidence);
  const b = sectionsOf(after, describeEvidence);
  return b.map((section, i) => {
    const pieces = diffWords(a[i]?.text ?? '', section.text);
    return { title: section.title, pieces, changed: pieces.some((p) => p.kind !== 'same') };
  });
}
