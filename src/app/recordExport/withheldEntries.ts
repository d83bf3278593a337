import type { Case } from '../../domain/case.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import type { StoreTx } from '../../ports/store.js';

/**
 * THE ONE PLACE where the export applies the rule for restricted timeline entries (issue 16 §3,
 * docs/record-export.md): the ids of the entries whose text the export's starter may not read. Each
 * is written into the zip as "restricted, withheld" — its agency, life stage and date, never its
 * text or its history — and listed in the export's `withheld`.
 *
 * Until restricted entries exist on main, no entry is restricted and nothing is withheld; when they
 * do, this asks the access policy whether `starter` may read each restricted entry's text (a
 * manager from another agency may not).
 */
export async function entriesWithheldFrom(_tx: StoreTx, _starter: Principal, _caseRecord: Case, _entries: TimelineEntry[]): Promise<Set<string>> {
  return new Set();
}
