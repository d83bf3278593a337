/**
 * The summaries for a court and for adult services, as the tab shows them: the kinds, their
 * sections and headings, and the record the API returns. The domain holds them; this is the door
 * the tab uses.
 */
export { SUMMARY_KINDS, SUMMARY_SECTIONS, SUMMARY_SLUGS, type SummaryKind, type SummarySections } from '../domain/summaryKinds.js';
export type { Summary, SummaryApproval } from '../domain/summary.js';
