import { mayReadEntryText } from '../../domain/restriction.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntry } from '../../domain/timeline.js';

/**
 * THE ONE PLACE where the export applies the rule for restricted timeline entries (issue 16 §3,
 * docs/record-export.md): the ids of the entries whose text the export's starter may not read, by
 * the one rule every read goes through (`mayReadEntryText`, src/domain/restriction.ts): the ECM team
 * and the psychologist read every restricted entry, others only those of their own agency or that
 * they added — so a manager from another agency than the contributor's may not. Each is written
 * into the zip as "restricted, withheld" — its agency and life stage, never its text, its date or
 * its history — and listed in the export's `withheld`.
 */
export function entriesWithheldFrom(starter: Pick<Principal, 'role' | 'agency' | 'staffId'>, entries: TimelineEntry[]): Set<string> {
  return new Set(entries.filter((e) => !mayReadEntryText(starter, e)).map((e) => e.id));
}
