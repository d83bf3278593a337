import { z } from 'zod';
import type { Instant } from './dates.js';
import { namesOfChildIn } from './childName.js';
import { ruleViolation } from './errors.js';
import { plainText } from './text.js';

/**
 * Short documents drafted from the approved formulation and the plan, for readers outside the case
 * team: a court or youth panel, and adult services at 18. The psychologist approves the wording;
 * each approval publishes the document to the service's library as a new version.
 */
export { SUMMARY_KINDS, SUMMARY_SECTIONS, SUMMARY_SLUGS, summaryKindOfSlug, type SummaryKind, type SummarySections } from './summaryKinds.js';
import { SUMMARY_SECTIONS, type SummaryKind, type SummarySections } from './summaryKinds.js';

const sectionText = plainText(6000, 0).default('');

/** The draft text per section, as the form sends it; every section of the kind, none other. */
export function summarySectionsSchema(kind: SummaryKind) {
  const shape = Object.fromEntries(SUMMARY_SECTIONS[kind].map((s) => [s.key, sectionText]));
  return z.object({ sections: z.object(shape).strict() }).strict();
}

export interface SummaryApproval {
  /** 1 for the first approved wording, 2 for the next: the document's own version. */
  number: number;
  sections: SummarySections;
  formulationNumber: number;
  approvedBy: string;
  approvedByName: string;
  approvedAt: Instant;
}

export interface Summary {
  caseId: string;
  kind: SummaryKind;
  /** The wording being worked on; once approved, a change makes it a draft again until the next approval. */
  sections: SummarySections;
  status: 'draft' | 'approved';
  /** The approved formulation version it was drafted from. */
  formulationNumber: number;
  /** The newest approved wording: what the library holds. */
  approved: SummaryApproval | null;
  updatedBy: string;
  updatedByName: string;
  updatedAt: Instant;
  /** Concurrency version, sent back as If-Match; 0 for a draft proposed but not yet saved. */
  version: number;
}

/** Nothing is published with a section left empty: the court and adult services read every heading. */
export function assertSummaryComplete(kind: SummaryKind, sections: SummarySections): void {
  const empty = SUMMARY_SECTIONS[kind].filter((s) => !(sections[s.key] ?? '').trim()).map((s) => s.heading);
  if (empty.length) throw ruleViolation(`Before approval, write each section: ${empty.join('; ')}.`, { empty });
}

/**
 * The summary leaves the tab (the library, and from there a court), so it names nobody's child: it
 * says "the young person". The tab warns as it is written; approval holds to it.
 */
export function assertSummaryUnnamed(kind: SummaryKind, sections: SummarySections, childName: string): void {
  const named = SUMMARY_SECTIONS[kind].filter((s) => namesOfChildIn(sections[s.key] ?? '', childName).length > 0).map((s) => s.key);
  if (named.length)
    throw ruleViolation('The summary names the young person: write “the young person” instead, so that no name leaves the tab.', { sections: named });
}
