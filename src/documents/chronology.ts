import { LIFE_STAGES, type LifeStage } from '../domain/lifeStage.js';
import type { TimelineEntry } from '../domain/timeline.js';

/**
 * The timeline as the documents cite it: entries numbered E1, E2… in life order, so a hypothesis
 * can point at its evidence and a reader can find it in the chronology (and in Word, follow the link).
 */
export interface NumberedEntry {
  entry: TimelineEntry;
  /** "E12" */
  label: string;
  /** The Word bookmark the evidence links jump to. */
  bookmark: string;
}

export interface Chronology {
  entries: NumberedEntry[];
  byId: ReadonlyMap<string, NumberedEntry>;
  byStage: { stage: LifeStage; entries: NumberedEntry[] }[];
}

export function chronologyOf(timeline: TimelineEntry[]): Chronology {
  const entries = timeline.map((entry, i) => ({ entry, label: `E${i + 1}`, bookmark: `evidence_E${i + 1}` }));
  const byStage = LIFE_STAGES.map((stage) => ({ stage, entries: entries.filter((n) => n.entry.lifeStage === stage) })).filter((s) => s.entries.length > 0);
  return { entries, byId: new Map(entries.map((n) => [n.entry.id, n])), byStage };
}

/** The first words of an entry, for an evidence list; the whole entry is in the chronology. */
export function gist(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 15))}…`;
}
