import { restrictedEntryLabel } from '../contract/words.js';
import type { IsoDate } from '../domain/dates.js';
import { withheldEntry } from '../domain/restriction.js';
import { compareLifeOrder, type TimelineEntry } from '../domain/timeline.js';

/**
 * Documents are read by partners (the library, downloads passed on): none carries a restricted
 * entry's text, whoever generates it. A restricted entry keeps its place in the chronology, the
 * picture and the evidence lists as "Restricted entry — <agency>, <life stage>", placed over its
 * life stage, and nothing more (docs/documents.md).
 *
 * `restrictedNow`: the entries restricted as the record stands today. A record kept at an approval
 * may hold an entry restricted since; it is withheld too.
 */
export function withRestrictedEntriesWithheld(
  timeline: TimelineEntry[],
  dateOfBirth: IsoDate | null,
  restrictedNow?: ReadonlyMap<string, TimelineEntry>,
): TimelineEntry[] {
  let withheldAny = false;
  const shown = timeline.map((e) => {
    const restricted = e.restriction ? e : restrictedNow?.get(e.id) ? { ...e, restriction: restrictedNow.get(e.id)!.restriction } : null;
    if (!restricted) return e;
    withheldAny = true;
    return { ...withheldEntry(restricted, dateOfBirth), description: restrictedEntryLabel(e.sourceAgency, e.lifeStage) };
  });
  // Placed over its whole stage, a withheld entry moves to the stage's start: where its date put it would tell more.
  return withheldAny ? shown.sort(compareLifeOrder) : shown;
}
