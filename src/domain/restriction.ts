import { z } from 'zod';
import type { IsoDate } from './dates.js';
import { lifeStageSpan } from './lifeStage.js';
import type { Agency, Principal } from './staff.js';
import { plainText } from './text.js';
import type { TimelineEntry, TimelineEntryRevision } from './timeline.js';

/**
 * Restricted entries (issue 16 §3, docs/timeline.md). The contributor of an entry, or the ECM team,
 * may keep its text to those who need it: the ECM team, the psychologist and members from the
 * contributing agency. Everyone else who reads the timeline learns only that a restricted entry
 * exists, which agency holds it and the life stage it belongs to, so the jigsaw still shows the
 * piece. Who may *restrict* is the access policy's ('timeline.restrict'); this module decides who may
 * *read* a restricted entry's text and what the others are given instead.
 */

/** Restricting and lifting each need a reason: both go to the audit trail and the entry's history. */
export const restrictionReasonSchema = z.object({ reason: plainText(500) }).strict();

/** The ECM team and the psychologist read every restricted entry of a case they may read. */
export const readsEveryRestrictedEntry = (viewer: Pick<Principal, 'role'>): boolean => viewer.role === 'ecm_practitioner' || viewer.role === 'psychologist';

/**
 * Whether this person may read the entry's text. The caller has already checked that they may read
 * the timeline at all ('timeline.read'): this only narrows it. An entry that is not restricted is
 * read by everyone who reads the timeline; a restricted one by the ECM team, the psychologist,
 * members from the agency the entry speaks for, and the person who added it.
 */
export function mayReadEntryText(
  viewer: Pick<Principal, 'role' | 'agency' | 'staffId'>,
  entry: Pick<TimelineEntry, 'restriction' | 'sourceAgency' | 'contributorId'>,
): boolean {
  if (!entry.restriction) return true;
  return readsEveryRestrictedEntry(viewer) || viewer.agency === entry.sourceAgency || viewer.staffId === entry.contributorId;
}

/**
 * The same rule as a filter a database query can apply (search, counts): either every entry's text,
 * or the text of entries that are not restricted, are from the person's agency, or were added by them.
 */
export type RestrictedTextReach = { kind: 'all' } | { kind: 'unrestricted_or'; agency: Agency; staffId: string };

export function restrictedTextReach(viewer: Pick<Principal, 'role' | 'agency' | 'staffId'>): RestrictedTextReach {
  return readsEveryRestrictedEntry(viewer) ? { kind: 'all' } : { kind: 'unrestricted_or', agency: viewer.agency, staffId: viewer.staffId };
}

/** The category a withheld entry carries in place of its own (no service defines it). */
export const WITHHELD_CATEGORY = 'restricted';

/**
 * What someone who may not read a restricted entry is given: that it exists, its agency, its life
 * stage (placed over the whole stage, so the precision of its date does not show either), whether it
 * is still live, and its version. No text, date, category, confidence, contributor or reasons.
 */
export function withheldEntry(entry: TimelineEntry, dateOfBirth: IsoDate): TimelineEntry {
  const restriction = entry.restriction;
  return {
    id: entry.id,
    caseId: entry.caseId,
    when: { precision: 'lifeStage', lifeStage: entry.lifeStage },
    span: lifeStageSpan(dateOfBirth, entry.lifeStage),
    lifeStage: entry.lifeStage,
    category: WITHHELD_CATEGORY,
    sourceAgency: entry.sourceAgency,
    confidence: 'unverified',
    description: '',
    contributorId: '',
    contributorName: '',
    createdAt: entry.createdAt,
    updatedAt: entry.createdAt,
    version: entry.version,
    retraction: entry.retraction ? { at: entry.retraction.at, by: '', reason: '' } : null,
    restriction: restriction ? { at: restriction.at, by: '', byName: '', reason: '' } : null,
    withheld: true,
  };
}

/** The entry as this person may see it: whole, or withheld. The one function every read goes through. */
export function entryAsSeenBy(viewer: Pick<Principal, 'role' | 'agency' | 'staffId'>, entry: TimelineEntry, dateOfBirth: IsoDate): TimelineEntry {
  return mayReadEntryText(viewer, entry) ? entry : withheldEntry(entry, dateOfBirth);
}

/**
 * An entry's history as this person may see it. Whether the text is withheld follows the entry as
 * it stands now: while it is restricted, no earlier version's text reaches those who may not read
 * it either (an edit may only have softened it); once lifted, its history is open like the entry.
 */
export function historyAsSeenBy(
  viewer: Pick<Principal, 'role' | 'agency' | 'staffId'>,
  entry: TimelineEntry,
  revisions: TimelineEntryRevision[],
  dateOfBirth: IsoDate,
): TimelineEntryRevision[] {
  if (mayReadEntryText(viewer, entry)) return revisions;
  const shown = withheldEntry(entry, dateOfBirth);
  return revisions.map((r) => ({
    entryId: r.entryId,
    caseId: r.caseId,
    version: r.version,
    content: { when: shown.when, category: shown.category, sourceAgency: entry.sourceAgency, confidence: shown.confidence, description: '' },
    retraction: r.retraction ? { at: r.retraction.at, by: '', reason: '' } : null,
    restriction: r.restriction ? { at: r.restriction.at, by: '', byName: '', reason: '' } : null,
    changedBy: '',
    changedByName: '',
    changedAt: r.changedAt,
  }));
}
